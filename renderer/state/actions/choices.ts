// Setting choices and secrets. Presets follow the profile; a person's own app pick survives
// switches between Common and Power.
import { NIXOS_APP } from '../../../shared/plan/profiles';
import { findLanguage } from '../../i18n/languages';
import type { StoreDeps } from '../deps';
import { findLayout, suggestedLayout } from '../keyboard-layouts';
import { appsForProfile } from '../presets';
import type { ChoiceActions, DraftChoices, GetState, SetState } from '../types';
import { newRecoveryKey } from './navigation';
import { offeredAnswers, setBy } from '../answers';

export function choiceActions(set: SetState, get: GetState, deps: StoreDeps): ChoiceActions {
  const setChoices = (change: Partial<DraftChoices>) => set({ choices: { ...get().choices, ...change } });
  const catalog = () => get().boot.helper?.catalog ?? [];

  return {
    setLocale(code) {
      const language = findLanguage(code);
      if (!language || setBy(get().boot, 'locale')) return;
      // A layout the person chose, or confirmed by leaving Welcome, is never changed by the
      // language; the page then says which layout the language would suggest.
      const { keyboardChosen } = get().choices;
      setChoices(keyboardChosen ? { locale: code } : { locale: code, keyboard: suggestedLayout(language.keyboard) });
    },

    setKeyboard(choice) {
      if (!findLayout(choice)) return;
      setChoices({ keyboard: { layout: choice.layout, variant: choice.variant }, keyboardChosen: true });
    },

    setAccessibility(change) {
      setChoices({ accessibility: { ...get().choices.accessibility, ...change } });
    },

    setProfile(profile) {
      const { customApps } = get().choices;
      setChoices({ profile, apps: appsForProfile(profile, catalog(), customApps) });
    },

    setAppSelected(id, selected) {
      const { apps } = get().choices;
      const next = selected ? (apps.includes(id) ? apps : [...apps, id]) : apps.filter((a) => a !== id);
      const changed = { apps: next } as Partial<DraftChoices>;
      // nixos comes and goes with the Power profile; everything else is the person's own pick.
      if (id !== NIXOS_APP) Object.assign(changed, { customApps: next.filter((a) => a !== NIXOS_APP) });
      setChoices(changed);
    },

    setKeepsFiles(id, keep) {
      const { transientApps } = get().choices;
      setChoices({ transientApps: keep ? transientApps.filter((a) => a !== id) : [...new Set([...transientApps, id])] });
    },

    setEncryptionMethod(method) {
      // A method the answers file fixes stays: the helper would refuse a plan with another.
      if (setBy(get().boot, 'encryption') && offeredAnswers(get().boot)?.encryption?.method !== method) return;
      const { encryption } = get().choices;
      setChoices({ encryption: { ...encryption, method } });
    },

    setRecoveryKeyWanted(wanted) {
      // Answers that escrow recovery keys need one on every machine.
      if (!wanted && offeredAnswers(get().boot)?.escrow) return;
      const { encryption } = get().choices;
      setChoices({ encryption: { ...encryption, recoveryKey: wanted } });
    },

    setSecret(field, value) {
      const secrets = get().secrets;
      const revision = field === 'passphrase' && value !== secrets.passphrase ? { passphraseRevision: secrets.passphraseRevision + 1 } : {};
      set({ secrets: { ...secrets, [field]: value, ...revision } });
    },

    setPassphraseStrength(text, score) {
      const state = get();
      if (text !== state.secrets.passphrase) return; // an answer for what was typed before
      set({ secrets: { ...state.secrets, passphraseStrength: { revision: state.secrets.passphraseRevision, score } } });
      // Next was pressed while this estimate was on its way: carry it out now.
      if (state.nav.nextWhenStrengthKnown) {
        set({ nav: { ...get().nav, nextWhenStrengthKnown: false } });
        get().next();
      }
    },

    regenerateRecoveryKey() {
      set({ secrets: { ...get().secrets, ...newRecoveryKey(deps) } });
    },
  };
}
