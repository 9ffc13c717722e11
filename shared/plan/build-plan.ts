// Turns the wizard's choices into the plan payload of docs/protocol.md §4.3. Pure: the same function
// builds the real plan at Install time and the "Show plan" preview on the summary page.
import { type Accessibility, type EncryptionMethod, type Fido2Params, type Keyboard, type PlanPayload, type Sealed } from './plan-schema';
import type { UsbKeyChoice } from './usb-key';
import { alwaysMakesRecoveryKey } from './unlock-methods';
import type { Profile } from './profiles';
import { SYSTEM_VMS } from './profiles';

export interface PlanChoices {
  readonly locale: string;
  readonly keyboard: Keyboard;
  readonly accessibility: Accessibility;
  readonly profile: Profile;
  readonly apps: readonly string[];
  /** App VMs that do not keep their files; the others do (the default). */
  readonly transientApps?: readonly string[];
  readonly encryption: { readonly method: EncryptionMethod; readonly recoveryKey: boolean; readonly usbKey?: UsbKeyChoice };
}

export interface PlanContext {
  readonly installId: string;
  readonly session: string;
  readonly nonce: string;
  readonly createdAt: string;
  readonly sealed: Sealed;
  readonly fido2: Fido2Params | null;
  /** hex sha256 of the answers file the helper offered, when the choices follow one. */
  readonly answersDigest?: string;
}

export function buildPlanPayload(choices: PlanChoices, ctx: PlanContext): PlanPayload {
  const apps = choices.profile === 'minimal' ? [] : [...new Set(choices.apps)].sort();
  return {
    schema: 1,
    installId: ctx.installId,
    session: ctx.session,
    nonce: ctx.nonce,
    createdAt: ctx.createdAt,
    locale: choices.locale,
    keyboard: { layout: choices.keyboard.layout, variant: choices.keyboard.variant },
    accessibility: { ...choices.accessibility },
    profile: choices.profile,
    vms: { system: [...SYSTEM_VMS].sort(), apps, persistent: apps.filter((a) => !(choices.transientApps ?? []).includes(a)) },
    encryption: {
      method: choices.encryption.method,
      // FIDO2 and a USB key always come with a recovery key (docs/protocol.md §4.3, §14.2).
      recoveryKey: alwaysMakesRecoveryKey(choices.encryption.method) ? true : choices.encryption.recoveryKey,
      fido2: choices.encryption.method === 'fido2' ? ctx.fido2 : null,
      ...(choices.encryption.method === 'usb-key' && choices.encryption.usbKey ? { usbKey: { ...choices.encryption.usbKey } } : {}),
      sealed: ctx.sealed,
    },
    ...(ctx.answersDigest ? { answers: { digest: ctx.answersDigest } } : {}),
  };
}
