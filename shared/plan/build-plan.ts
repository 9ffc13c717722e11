// Turns the wizard's choices into the plan payload of docs/protocol.md §4.3. Pure: the same function
// builds the real plan at Install time and the "Show plan" preview on the summary page.
import type { Choices } from './choices';
import type { Fido2Params, PlanPayload, Sealed } from './plan-schema';
import { makesRecoveryKey } from './unlock-methods';
import { SYSTEM_VMS } from './profiles';

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

export function buildPlanPayload(choices: Choices, ctx: PlanContext): PlanPayload {
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
      recoveryKey: makesRecoveryKey(choices.encryption),
      fido2: choices.encryption.method === 'fido2' ? ctx.fido2 : null,
      ...(choices.encryption.method === 'usb-key' && choices.encryption.usbKey ? { usbKey: { ...choices.encryption.usbKey } } : {}),
      sealed: ctx.sealed,
    },
    ...(ctx.answersDigest ? { answers: { digest: ctx.answersDigest } } : {}),
  };
}
