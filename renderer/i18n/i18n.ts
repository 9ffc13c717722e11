// i18next set-up: English bundled, other languages loaded lazily per namespace by a tiny
// backend, i18next v4 plural keys (key_one, key_other, …).
import i18next, { type BackendModule, type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, LANGUAGES } from './languages';
import { bundledEnglish, loadLocaleFile } from './locale-files';
import { NAMESPACES } from './namespaces';

const lazyBackend: BackendModule = {
  type: 'backend',
  callbackApi: true,
  init() {},
  // A missing file is an empty namespace, so English shows through.
  read(language, namespace, callback) {
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
    .use(initReactI18next)
    .init({
      lng: language,
      fallbackLng: DEFAULT_LANGUAGE,
      supportedLngs: LANGUAGES.map((l) => l.code),
      ns: [...NAMESPACES],
      defaultNS: 'common',
      resources,
      partialBundledLanguages: true, // English from `resources`, the rest through the backend
      interpolation: { escapeValue: false }, // React escapes
      returnNull: false,
      react: { useSuspense: false },
    });
  return instance;
}
