// What a step is and what it is given. Steps are idempotent: running one again after it failed
// (or after it succeeded) leaves the same end state.
import type { Catalog } from '../../shared/plan/catalog';
import type { PlanPayload } from '../../shared/plan/plan-schema';
import type { StepId } from '../../shared/plan/steps';
import type { StepFailureCode } from '../../shared/protocol/error-codes';
import type { Envelope, Receipt, StepStatus } from '../../shared/protocol/messages';
import type { EscrowTarget } from '../answers/escrow';
import type { WholeDisk } from '../disk/whole-disk';
import type { Executor } from '../exec/executor';
import type { Cryptsetup, KdfArgs } from '../luks/cryptsetup';
import type { Logger } from '../log/logger';
import type { HeldSecrets } from './held-secrets';
import type { RemovableDrives } from '../usb/removable-drives';

/** A plan that passed every check of docs/protocol.md §5. */
export interface VerifiedPlan {
  readonly planId: string;
  readonly payload: PlanPayload;
  readonly envelope: Envelope;
  /** The id of the trusted key whose signature verified (not the envelope's hint). */
  readonly keyId: string;
  /** The answers file the plan follows, when the helper offers one. */
  readonly answers?: PlanAnswersUse;
}

export interface PlanAnswersUse {
  readonly digest: string;
  /** The organization key that signed the answers. */
  readonly keyId: string;
  readonly organization: string;
  /** Where the recovery key is escrowed, when the answers name an escrow key. */
  readonly escrow?: EscrowTarget;
}

/**
 * Where the steps act. `spectrum-host`: the real thing. `sandbox`: every step runs for real but
 * `cryptsetup open` (no device-mapper): a clear image stands in for the opened volume, Spectrum's
 * `vm-import` is a stand-in with its effects on the file system (ADR 071).
 */
export interface HostEnvironment {
  readonly kind: 'spectrum-host' | 'sandbox';
  /** The host's file system root as the steps see it ("/" on a host, DIR/root in the sandbox). */
  readonly root: string;
  /** The user-data target: a block device, or the sandbox's image file. */
  readonly target: string;
  /** The opened user-data volume: /dev/mapper/userdata, or the sandbox's clear image. */
  readonly openedVolume: string;
  /** Whether loop mounts and giving files to uid 1000 are possible here (root, loop devices). */
  readonly privileged: boolean;
  /** When the target is the machine's whole disk: its layout and the user-data region (ADR 072). */
  readonly wholeDisk?: WholeDisk;
}

/** Facts one step learns and a later one needs; kept in the journal. */
export interface StepFacts {
  /** The LUKS UUID of the header this installation formatted last (carried on by its next plan). */
  luksUuid?: string;
  mountPath?: string;
  /** The folders under <mount>/vms/ this installation wrote (named before each is made). */
  vmDirs?: string[];
}

export interface StepContext {
  readonly plan: VerifiedPlan;
  readonly secrets: HeldSecrets;
  readonly env: HostEnvironment;
  readonly exec: Executor;
  readonly cryptsetup: Cryptsetup;
  /** Key derivation for keyslots opened by a typed passphrase. */
  readonly passphraseKdf: KdfArgs;
  readonly catalog: Catalog;
  readonly facts: StepFacts;
  /** Whether this plan's journal shows this step ran before (this run is a retry). */
  readonly ranBefore: boolean;
  readonly log: Logger;
  readonly now: () => number;
  readonly helperVersion: string;
  /** Removable drives, for the USB key file (protocol 1.1). */
  readonly drives: RemovableDrives;
  /** The steps' states so far, for the receipt. */
  readonly statuses: () => readonly StepStatus[];
}

export type StepOutcome = { readonly state: 'done'; readonly receipt?: Receipt } | { readonly state: 'skipped'; readonly reason: string };

export interface StepDefinition {
  readonly id: StepId;
  run(ctx: StepContext): Promise<StepOutcome>;
}

/** A step failure with the code and retry advice that the `result` frame carries. */
export class StepError extends Error {
  constructor(
    readonly code: StepFailureCode,
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}
