// i18next set-up: English bundled, other languages loaded lazily per namespace by a tiny
// backend, i18next v4 plural keys (key_one, key_other, …), every interpolated number through
// Intl, and the reviewers' pseudo-locale made from English on demand (ADR 030, 041).
import i18next, { type BackendModule, type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { intlFormatter } from './intl-formatter';
import { DEFAULT_LANGUAGE, LANGUAGES, PSEUDO_LOCALE } from './languages';
import { bundledEnglish, loadLocaleFile } from './locale-files';
import { NAMESPACES } from './namespaces';
import { pseudoResources } from './pseudo';

const lazyBackend: BackendModule = {
  type: 'backend',
  callbackApi: true,
  init() {},
  // A missing file is an empty namespace, so English shows through.
  read(language, namespace, callback) {
    if (language === PSEUDO_LOCALE) {
      callback(null, pseudoResources(bundledEnglish()[namespace] ?? {}));
      return;
    }
    loadLocaleFile(language, namespace).then(
      (data) => callback(null, data ?? {}),
      (error: unknown) => callback(error instanceof Error ? error : String(error), null),
    );
  },
};

export async function createI18n(language: string): Promise<I18n> {
  const instance = i18next.createInstance();
  const resources = { [DEFAULT_LANGUAGE]: bundledEnglish() };
  await instance
    .use(lazyBackend)
    .use(intlFormatter)
    .use(initReactI18next)
    .init({
      lng: language,
      fallbackLng: DEFAULT_LANGUAGE,
      // The pseudo-locale is a display language for reviewers only; people are offered LANGUAGES.
      supportedLngs: [...LANGUAGES.map((l) => l.code), PSEUDO_LOCALE],
      ns: [...NAMESPACES],
      defaultNS: 'common',
      resources,
      partialBundledLanguages: true, // English from `resources`, the rest through the backend
      interpolation: { escapeValue: false, alwaysFormat: true }, // React escapes; numbers via Intl
      // Key-only mode ('cimode') shows `namespace:key`, so a reviewer can find the string.
      appendNamespaceToCIMode: true,
      returnNull: false,
      react: { useSuspense: false },
    });
  return instance;
}
