// An organization's answers file in English as the answers scenarios write it: every Welcome and
// Profile question answered (US keyboard, no accessibility switch, the Common profile and its
// preset apps), followed by the lines a scenario is about.

export const ANSWERS_APPS: readonly string[] = ['browser', 'editor', 'terminal'];

export function englishAnswers(...lines: string[]): string {
  return [
    'schema: 1',
    'organization: Example Fleet IT',
    'locale: en',
    'keyboard: { layout: us, variant: "" }',
    'accessibility: { highContrast: false, largeText: false, reduceMotion: false, screenReader: false }',
    'profile: common',
    `apps: [${ANSWERS_APPS.join(', ')}]`,
    ...lines,
    '',
  ].join('\n');
}
