// Applies choices that change the whole page at once: the language (lazily loaded), <html lang>
// and dir, and the accessibility switches as classes the CSS acts on.
import type { i18n as I18n } from 'i18next';
import { directionOf } from '../i18n/languages';
import type { WizardStore, WizardStoreApi } from '../state/store';

export function applyAccessibility(root: HTMLElement, a: WizardStore['choices']['accessibility']): void {
  root.classList.toggle('high-contrast', a.highContrast);
  root.classList.toggle('large-text', a.largeText);
  root.classList.toggle('reduce-motion', a.reduceMotion);
  root.dataset.screenReader = a.screenReader ? 'on' : 'off';
}

export function applyLanguage(root: HTMLElement, code: string): void {
  root.lang = code;
  root.dir = directionOf(code);
}

export function bindDomEffects(store: WizardStoreApi, i18n: I18n, root: HTMLElement): () => void {
  let language = '';
  let accessibility: WizardStore['choices']['accessibility'] | null = null;
  const apply = (state: WizardStore) => {
    if (state.choices.locale !== language) {
      language = state.choices.locale;
      const wanted = language;
      // Switch once the language's strings are in: never a half-translated page.
      void i18n.changeLanguage(wanted).then(() => {
        if (store.getState().choices.locale !== wanted) return;
        applyLanguage(root, wanted);
        root.ownerDocument.title = i18n.t('common:documentTitle');
      });
    }
    if (state.choices.accessibility !== accessibility) {
      accessibility = state.choices.accessibility;
      applyAccessibility(root, accessibility);
    }
  };
  apply(store.getState());
  return store.subscribe(apply);
}
