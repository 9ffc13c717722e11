// How long each step is expected to take, from what the helper knows of its own work: the cost
// of one key derivation of keyslot 0 (argon2id's `--iter-time`, or the sandbox's cheap one) and
// how many derivations each step does for this plan. Sent as `expectedMs` (docs/protocol.md,
// "Step estimates") so the wizard can move its bar within a step; refined once luksFormat has
// shown what a derivation really costs on this machine.
import type { PlanPayload } from '../../shared/plan/plan-schema';
import type { StepId } from '../../shared/plan/steps';
import type { KdfArgs } from '../luks/cryptsetup';

/** A derivation with the sandbox's cheap parameters, or with PBKDF2 at 1000 iterations. */
const CHEAP_DERIVATION_MS = 50;
/** luksFormat benchmarks argon2id for about the target time, then derives once. */
const FORMAT_DERIVATIONS = 2;
/** Commands, writes and fsyncs around the derivations. */
const OVERHEAD_MS: Readonly<Record<StepId, number>> = {
  'userdata-format': 800,
  'userdata-enroll': 400,
  'userdata-open': 300,
  'userdata-mkfs': 1500,
  'userdata-mount': 300,
  'vm-definitions': 300,
  'system-config': 400,
  'vm-import': 1000,
  receipt: 300,
};
const PER_APP_MS: Partial<Record<StepId, number>> = { 'vm-definitions': 50, 'vm-import': 500 };

/** The time one derivation of keyslot 0 is meant to take with these cryptsetup arguments. */
export function derivationMsOf(kdf: KdfArgs): number {
  const at = kdf.indexOf('--iter-time');
  if (at >= 0) return Number(kdf[at + 1]);
  return CHEAP_DERIVATION_MS;
}

/** How many keyslot-0 derivations a step does for this plan (a security key's slot is cheap). */
function derivations(step: StepId, payload: PlanPayload): number {
  if (payload.encryption.method !== 'passphrase') return 0;
  if (step === 'userdata-format') return FORMAT_DERIVATIONS;
  if (step === 'userdata-enroll') return payload.encryption.recoveryKey ? 1 : 0; // luksAddKey unlocks slot 0
  if (step === 'userdata-open') return 1;
  return 0;
}

export function expectedMs(step: StepId, payload: PlanPayload, derivationMs: number): number {
  const apps = payload.vms.system.length + payload.vms.apps.length;
  return Math.round(OVERHEAD_MS[step] + derivations(step, payload) * derivationMs + (PER_APP_MS[step] ?? 0) * apps);
}

/** What a derivation really cost, seen from a finished luksFormat (null when it says nothing). */
export function measuredDerivationMs(formatMs: number, payload: PlanPayload): number | null {
  if (payload.encryption.method !== 'passphrase') return null;
  return Math.max(CHEAP_DERIVATION_MS, Math.round((formatMs - OVERHEAD_MS['userdata-format']) / FORMAT_DERIVATIONS));
}
