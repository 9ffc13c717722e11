// The actions pages call on the store; the store's data is WizardData (types.ts).
import type { Profile } from '../../shared/plan/profiles';
import type { InstallEvent } from '../../shared/ipc/contract';
import type { Accessibility } from '../../shared/plan/plan-schema';
import type { KeyboardChoice } from './keyboard-layouts';
import type { WizardPage } from './pages';
import type { EncryptionMethod } from '../../shared/plan/unlock-methods';
import type { Secrets, WizardData } from './types';

export type SecretField = Exclude<keyof Secrets, 'recoveryKey' | 'recoveryGroup' | 'passphraseRevision' | 'passphraseStrength'>;

export interface NavigationActions {
  /** Validates the page; moves on when it passes, else marks it so its reasons show. */
  next(): boolean;
  back(): void;
  /** Jumps to a page already reached; `fromSummary` makes Next lead back to the summary. */
  goTo(page: WizardPage, options?: { fromSummary?: boolean }): void;
  dismissResumeNotice(): void;
}

export interface ChoiceActions {
  setLocale(code: string): void;
  setKeyboard(choice: KeyboardChoice): void;
  setAccessibility(change: Partial<Accessibility>): void;
  setProfile(profile: Profile): void;
  setAppSelected(id: string, selected: boolean): void;
  /** Whether an app VM keeps its files between runs (its persistent storage). */
  setKeepsFiles(id: string, keep: boolean): void;
  setEncryptionMethod(method: EncryptionMethod): void;
  setRecoveryKeyWanted(wanted: boolean): void;
  setSecret(field: SecretField, value: string): void;
  /** The strength estimator's score for this passphrase text (it may already be outdated). */
  setPassphraseStrength(text: string, score: number): void;
  /** Makes a new recovery key (and a new group to type back). */
  regenerateRecoveryKey(): void;
}

export interface Fido2Actions {
  refreshFido2Devices(): Promise<void>;
  selectFido2Device(id: string): void;
  enrollFido2(): Promise<void>;
  testFido2(): Promise<void>;
  /** The helper says the key waits for a touch (protocol 1.1 `fido2-prompt`). */
  fido2Prompted(): void;
}

export interface UsbActions {
  /** Asks the helper which removable drives are plugged in. */
  refreshUsbDrives(): Promise<void>;
  /** Picks a listed stick that can take a key file. */
  chooseUsbDrive(id: string): void;
}

export interface BootActions {
  /** Loads persisted state, asks main and the helper what they know, and lands on a page. */
  start(): Promise<void>;
  /** Tries the helper again now instead of waiting for the next automatic try. */
  retryHelperNow(): Promise<void>;
  /** Writes a change to the saved state that still waits for its quiet moment now (the page is going away). */
  saveNow(): void;
  /** Stops timers and subscriptions (tests, hot reload). */
  dispose(): void;
}

export interface InstallActions {
  /** The point of no return: builds the choices and secrets and asks main to install. */
  startInstall(): Promise<void>;
  retry(): Promise<void>;
  /** Back to the summary to change choices, allowed only while nothing was written. */
  backToChoices(): void;
  exportLog(): Promise<void>;
  restart(): Promise<void>;
  handleInstallEvent(event: InstallEvent): void;
}

export interface AnswersActions {
  /** With answers that allow it, sets up the unlock method and installs with nobody at the keyboard. */
  runUnattended(): Promise<void>;
}

export type WizardActions = NavigationActions & ChoiceActions & Fido2Actions & UsbActions & BootActions & InstallActions & AnswersActions;
/** The store: its data (every slice is listed in types.ts, WizardData) and its actions. */
export type WizardStore = WizardData & WizardActions;

export type SetState = (partial: Partial<WizardStore> | ((s: WizardStore) => Partial<WizardStore>)) => void;
export type GetState = () => WizardStore;
