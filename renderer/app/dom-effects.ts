// Applies choices that change the whole page at once: the language (lazily loaded), <html lang>
// and dir, and the accessibility switches as classes the CSS acts on. A reviewer mode (preview
// and sandbox only, ADR 041) shows the pseudo-locale or the keys over the person's language.
import type { i18n as I18n } from 'i18next';
import { directionOf } from '../i18n/languages';
import { displayLanguage, documentLanguage, type ReviewMode } from '../i18n/review';
import type { ReviewStoreApi } from '../i18n/review-store';
import type { WizardStore, WizardStoreApi } from '../state/store';

export function applyAccessibility(root: HTMLElement, a: WizardStore['choices']['accessibility']): void {
  root.classList.toggle('high-contrast', a.highContrast);
  root.classList.toggle('large-text', a.largeText);
  root.classList.toggle('reduce-motion', a.reduceMotion);
  root.dataset.screenReader = a.screenReader ? 'on' : 'off';
}

export function applyLanguage(root: HTMLElement, code: string, mode: ReviewMode = 'off'): void {
  root.lang = documentLanguage(code, mode);
  root.dir = mode === 'pseudo' ? 'ltr' : directionOf(code);
}

export function bindDomEffects(store: WizardStoreApi, i18n: I18n, root: HTMLElement, review?: ReviewStoreApi): () => void {
  let shown = '';
  let accessibility: WizardStore['choices']['accessibility'] | null = null;
  const mode = () => review?.getState().mode ?? 'off';
  const apply = () => {
    const state = store.getState();
    const locale = state.choices.locale;
    const wanted = displayLanguage(locale, mode());
    if (`${wanted}/${locale}` !== shown) {
      shown = `${wanted}/${locale}`;
      // Switch once the language's strings are in: never a half-translated page.
      void i18n.changeLanguage(wanted).then(() => {
        if (displayLanguage(store.getState().choices.locale, mode()) !== wanted || store.getState().choices.locale !== locale) return;
        applyLanguage(root, locale, mode());
        root.ownerDocument.title = i18n.t('common:documentTitle');
      });
    }
    if (state.choices.accessibility !== accessibility) {
      accessibility = state.choices.accessibility;
      applyAccessibility(root, accessibility);
    }
  };
  apply();
  const unsubscribe = [store.subscribe(apply), review?.subscribe(apply)];
  return () => unsubscribe.forEach((u) => u?.());
}
