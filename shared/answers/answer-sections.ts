// The parts of first boot an answers file can decide, apart from the answers file's schema, so
// the wizard's first chunk can know them without the schema library (docs/decisions/120).

/** The parts of first boot an answers file can decide; each is fixed unless named `interactive`. */
export const ANSWER_SECTIONS = ['locale', 'keyboard', 'accessibility', 'profile', 'apps', 'encryption'] as const;
export type AnswerSection = (typeof ANSWER_SECTIONS)[number];
