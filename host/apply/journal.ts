// The journal in the state folder: one JSON document, replaced atomically at every step change,
// so after a crash it tells exactly which step was running. It holds no secret.
import path from 'node:path';
import { z } from 'zod';
import { STEP_FAILURE_CODES } from '../../shared/protocol/error-codes';
import { ReceiptSchema, StepStatusSchema } from '../../shared/protocol/messages';
import { STEP_IDS } from '../../shared/plan/steps';
import { writeFileAtomic } from '../../shared-node/fs/atomic-write';
import { MODES, ensureDir, readOwnFile } from '../fs/safe-fs';

export const JOURNAL_FILE = 'journal.json';

export const FailureSchema = z.strictObject({
  step: z.enum(STEP_IDS),
  code: z.enum(STEP_FAILURE_CODES),
  message: z.string().max(2000),
  retryable: z.boolean(),
});
export type Failure = z.infer<typeof FailureSchema>;

export const JournalSchema = z.strictObject({
  version: z.literal(1),
  planId: z.string().regex(/^[0-9a-f]{64}$/),
  installId: z.string().max(64),
  keyId: z.string().max(128),
  phase: z.enum(['applying', 'failed', 'provisioned']),
  steps: z.array(StepStatusSchema).length(STEP_IDS.length),
  facts: z.strictObject({
    luksUuid: z.string().max(64).optional(),
    /** The user-data mount point as the host sees it, e.g. /media/<uuid>. */
    mountPath: z.string().max(4096).optional(),
    /** Folders under <mount>/vms/ this installation wrote. */
    vmDirs: z.array(z.string().max(255)).max(256).optional(),
  }),
  failure: FailureSchema.optional(),
  receipt: ReceiptSchema.optional(),
  updatedAt: z.string(),
});
export type Journal = z.infer<typeof JournalSchema>;

export type JournalLoad =
  { readonly kind: 'none' } | { readonly kind: 'ok'; readonly journal: Journal } | { readonly kind: 'corrupt'; readonly problem: string };

export class JournalStore {
  readonly file: string;

  constructor(stateDir: string) {
    ensureDir(stateDir, MODES.privateDir);
    this.file = path.join(stateDir, JOURNAL_FILE);
  }

  load(): JournalLoad {
    const bytes = readOwnFile(this.file, MODES.privateFile); // never through a link
    if (bytes === null) return { kind: 'none' };
    let value: unknown;
    try {
      value = JSON.parse(bytes.toString('utf8'));
    } catch {
      return { kind: 'corrupt', problem: 'journal is not JSON' };
    }
    const parsed = JournalSchema.safeParse(value);
    if (!parsed.success) return { kind: 'corrupt', problem: 'journal does not match its schema' };
    return { kind: 'ok', journal: parsed.data };
  }

  save(journal: Journal): void {
    writeFileAtomic(this.file, JSON.stringify(JournalSchema.parse(journal), null, 2) + '\n', MODES.privateFile);
  }
}

/**
 * A journal found at start-up that says `applying` belongs to a helper that died mid-step:
 * the running step failed as `interrupted`. The secrets died with that process, so it cannot
 * be retried; a new plan of the same installation starts over (docs/protocol.md §6.7, §7).
 */
export function markInterrupted(journal: Journal, nowIso: string): Journal {
  if (journal.phase !== 'applying') return journal;
  const index = journal.steps.findIndex((s) => s.state === 'running');
  const failedAt = index >= 0 ? index : journal.steps.findIndex((s) => s.state !== 'done' && s.state !== 'skipped');
  const stepIndex = failedAt >= 0 ? failedAt : journal.steps.length - 1;
  const steps = journal.steps.map((s, i) => (i === stepIndex ? { ...s, state: 'failed' as const, endedAt: nowIso } : s));
  return {
    ...journal,
    phase: 'failed',
    steps,
    failure: {
      step: steps[stepIndex]!.id,
      code: 'interrupted',
      message: 'the helper stopped while this step ran; send the plan again to start over',
      retryable: false,
    },
    updatedAt: nowIso,
  };
}
