// Finding a language in the picker by typing its name as the person knows it, in any script:
// its own name ("Deutsch"), its name in any offered language ("German", "allemand", "Saksa",
// "ドイツ語", "ألمانية"), its code ("pt-BR") or a listed romanization ("nihongo", "farsi").
// Case, accents and width are ignored ("francais" finds Français).
import { LANGUAGES, type Language } from './languages';

/** Lower case, no accents or other combining marks, compatibility forms folded (full width). */
export function foldForSearch(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('und').replace(/\s+/g, ' ').trim();
}

let names: Map<string, string[]> | null = null;

/** Every name a language goes by, folded: computed once, on the first search. */
function namesOf(language: Language): string[] {
  if (!names) {
    names = new Map();
    const displays = LANGUAGES.flatMap((l) => {
      try {
        return [new Intl.DisplayNames([l.code], { type: 'language', fallback: 'none' })];
      } catch {
        return [];
      }
    });
    for (const l of LANGUAGES) {
      const all = [l.nativeName, l.englishName, l.code, ...l.aliases, ...displays.map((d) => d.of(l.code) ?? '')];
      names.set(l.code, [...new Set(all.filter(Boolean).map(foldForSearch))]);
    }
  }
  return names.get(language.code) ?? [];
}

export function languageMatches(query: string, language: Language): boolean {
  const q = foldForSearch(query);
  return q === '' || namesOf(language).some((n) => n.includes(q));
}
