// Context for translators (ADR 047): assets/locales/context-notes.json maps a key (`ns:key`,
// without plural suffix) or a family (`ns:prefix.*`, `*` standing for any run of characters) to
// a note in English. The reviewers' key view lists the notes of the keys on screen; the
// gallery shows them beside each picture. Loaded lazily: production never fetches them.
import { NAMESPACES } from './namespaces';

export type ContextNotes = Readonly<Record<string, string>>;

const PLURAL = /_(?:zero|one|two|few|many|other)$/;

/** `a.*.b` → a RegExp matching whole keys. */
export function notePattern(pattern: string): RegExp {
  return new RegExp(`^${pattern.replace(/[.()[\]+?^${}|\\]/g, '\\$&').replace(/\*/g, '.+')}$`);
}

/** The note for a key (`done:vms_one` → the note of `done:vms`): its own, else its family's. */
export function noteFor(notes: ContextNotes, key: string): string | undefined {
  const base = key.replace(PLURAL, '');
  if (notes[base] !== undefined) return notes[base];
  for (const [pattern, note] of Object.entries(notes)) if (pattern.includes('*') && notePattern(pattern).test(base)) return note;
  return undefined;
}

/** `namespace:key` as the key view shows it, in any text. */
export const SHOWN_KEY = new RegExp(`\\b(?:${NAMESPACES.join('|')}):[A-Za-z0-9_.()-]*[A-Za-z0-9_)]`, 'g');

export function loadContextNotes(): Promise<ContextNotes> {
  return import('../../assets/locales/context-notes.json').then((m) => m.default as ContextNotes);
}
