// The shape of the wizard's one store, in one place: every slice of its data (WizardData) and
// every action (WizardActions). Choices and where the person was are persisted (persistence.ts
// names exactly what); secrets and what the host or the main process told us are not.
import type { AppInfo, Fido2Device, Fido2Enrollment, HelperInfo, InstallEvent } from '../../shared/ipc/contract';
import type { Profile } from '../../shared/plan/profiles';
import type { Accessibility } from '../../shared/plan/plan-schema';
import type { EncryptionMethod } from '../../shared/plan/unlock-methods';
import type { Choices } from '../../shared/plan/choices';
import type { UsbDrive } from '../../shared/protocol/usb-messages';
import type { StepId } from '../../shared/plan/steps';
import type { KeyboardChoice } from './keyboard-layouts';
import type { Page, WizardPage } from './pages';
import type { InstallState } from './install-progress';

/**
 * The choices while the person is still choosing: shared/plan/choices.ts's Choices, with "not
 * chosen yet" (null) where the wizard asks, and what only the wizard keeps. ipcChoices
 * (actions/install.ts) maps it to the plan's Choices: the one place the draft becomes the plan.
 */
export type DraftChoices = Omit<Choices, 'keyboard' | 'profile' | 'transientApps' | 'encryption'> & {
  readonly keyboard: KeyboardChoice;
  /** Whether the person picked or confirmed (left Welcome with) the layout; else it follows the language. */
  readonly keyboardChosen: boolean;
  readonly profile: Choices['profile'] | null;
  /** App VM ids of the selection, nixos included when the profile is power. */
  readonly apps: readonly string[];
  /** The person's own pick of app VMs besides nixos, kept across profile changes. */
  readonly customApps: readonly string[] | null;
  /** App VMs chosen not to keep their files between runs (every other app VM keeps them). */
  readonly transientApps: readonly string[];
  readonly encryption: Omit<Choices['encryption'], 'method' | 'usbKey'> & {
    readonly method: Choices['encryption']['method'] | null;
    /** The stick picked for the USB key file (method `usb-key`). */
    readonly usbKey?: Choices['encryption']['usbKey'] | null;
  };
};

/** Never persisted, never logged: lives in memory for the session only. */
export interface Secrets {
  readonly passphrase: string;
  /** The passphrase typed once more, hidden, as at the unlock prompt: its confirmation. */
  readonly rehearsal: string;
  readonly fido2Pin: string;
  readonly recoveryKey: string | null;
  /** Which group (0–7) of the recovery key the person types back. */
  readonly recoveryGroup: number;
  readonly recoveryConfirm: string;
  /** Counts changes to the passphrase, so a strength score names the passphrase it is for without a copy of it. */
  readonly passphraseRevision: number;
  /** The estimator's score (0–4) for the passphrase of this revision, once it has answered. */
  readonly passphraseStrength: { readonly revision: number; readonly score: number } | null;
}

export type Fido2Status = 'idle' | 'scanning' | 'ready' | 'enrolling' | 'verifying';

export interface Fido2State {
  readonly status: Fido2Status;
  readonly scanned: boolean;
  readonly devices: readonly Fido2Device[];
  readonly toolsMissing: boolean;
  readonly deviceId: string | null;
  /** An IPC error code of the last FIDO2 call, for a localized message. */
  readonly error: string | null;
  /** Treated as sensitive: it names a secret held in the main process. Not persisted. */
  readonly enrollment: (Fido2Enrollment & { readonly deviceName: string }) | null;
  readonly tested: boolean | null;
  /** The helper said the key waits for a touch, during the request that runs now. */
  readonly touch: boolean;
}

/** The removable drives the helper lists for the USB key file. */
export interface UsbState {
  readonly status: 'idle' | 'scanning' | 'ready';
  readonly scanned: boolean;
  readonly drives: readonly UsbDrive[];
  /** An IPC error code of the last listing, for a localized message. */
  readonly error: string | null;
}

export type BootStatus = 'starting' | 'waiting-for-helper' | 'ready' | 'fatal';

export interface BootState {
  readonly status: BootStatus;
  readonly attempts: number;
  /** When the next automatic try to reach the helper happens (ms epoch). */
  readonly nextTryAt: number | null;
  /** Error code behind a fatal screen (`signing-key-missing`, …). */
  readonly fatalCode: string | null;
  readonly app: AppInfo | null;
  readonly helper: HelperInfo | null;
}

export type ResumeNotice = 'secrets-reentry' | null;

export interface Navigation {
  readonly page: Page;
  /** The furthest wizard page reached; the step list lets a person jump back to any before it. */
  readonly furthest: WizardPage;
  /** Set by a "Change" link on the summary: Next then offers the way straight back. */
  readonly returnToSummary: boolean;
  /** Pages where Next was pressed while something was missing: their reasons show. */
  readonly attempted: readonly WizardPage[];
  readonly resumeNotice: ResumeNotice;
  /** Next was pressed while the passphrase's strength was still being worked out: move on once it is. */
  readonly nextWhenStrengthKnown: boolean;
  /** Next was pressed on Welcome before the helper answered: move on once it has (ADR 054). */
  readonly nextWhenHelperReady: boolean;
  /** Where a saved earlier run left off, until the wizard has landed there (once the helper answers). */
  readonly resumeAt: WizardPage | null;
  /** The choices came from an earlier run's saved state (so the answers file fills only what it fixes). */
  readonly resumed: boolean;
}

/** While an unattended run sets up the unlock method, nobody is asked for it. */
export type UnattendedStatus = 'off' | 'running' | 'needs-person';

export interface LogExportState {
  readonly status: 'idle' | 'saving' | 'saved' | 'failed';
  readonly path: string | null;
  readonly code: string | null;
}

/** Every slice of the store's data. */
export interface WizardData {
  readonly nav: Navigation;
  readonly choices: DraftChoices;
  readonly secrets: Secrets;
  readonly fido2: Fido2State;
  readonly usb: UsbState;
  readonly boot: BootState;
  readonly install: InstallState;
  readonly logExport: LogExportState;
  readonly restartRequested: boolean;
  /** An unattended first boot (docs/decisions/091-unattended-first-boot.md): off, running, or stopped for a person. */
  readonly unattended: UnattendedStatus;
  /** Why an unattended run stopped for a person (answers:stop.<reason>). */
  readonly unattendedStop: string | null;
}

export type { StepId };

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
/** The store: its data and its actions. */
export type WizardStore = WizardData & WizardActions;

export type SetState = (partial: Partial<WizardStore> | ((s: WizardStore) => Partial<WizardStore>)) => void;
export type GetState = () => WizardStore;
