// zxcvbn-ts dictionaries of the wizard's languages, where a package exists: common words,
// names and Wikipedia words of the language, so "Passwort123" or "salasana" score as guessable
// as "password1". Each is its own lazy chunk, loaded with the language (ADR 048); English and
// the common lists are always in (people everywhere pick English passwords).
type Pack = { readonly dictionary: Readonly<Record<string, readonly (string | number)[]>> };

export const LANGUAGE_PACKS: Readonly<Record<string, () => Promise<Pack>>> = {
  ar: () => import('@zxcvbn-ts/language-ar'),
  de: () => import('@zxcvbn-ts/language-de'),
  es: () => import('@zxcvbn-ts/language-es-es'),
  fi: () => import('@zxcvbn-ts/language-fi'),
  fr: () => import('@zxcvbn-ts/language-fr'),
  it: () => import('@zxcvbn-ts/language-it'),
  ja: () => import('@zxcvbn-ts/language-ja'),
  nl: () => import('@zxcvbn-ts/language-nl-be'),
  pl: () => import('@zxcvbn-ts/language-pl'),
  'pt-BR': () => import('@zxcvbn-ts/language-pt-br'),
};

/**
 * A language's dictionaries, named after it: packages name their lists alike ("commonWords"),
 * and a list's name is how zxcvbn tells them apart.
 */
export async function languageDictionary(language: string): Promise<Record<string, readonly (string | number)[]>> {
  const load = LANGUAGE_PACKS[language];
  if (!load) return {};
  const { dictionary } = await load();
  return Object.fromEntries(Object.entries(dictionary).map(([name, words]) => [`${language}:${name}`, words]));
}
