import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STEP_IDS } from '../../shared/plan/steps';
import { makeTempDir } from '../../shared-node/test-support/temp-dir';
import { JournalStore, markInterrupted, type Journal } from './journal';

const journal = (states: string[]): Journal => ({
  version: 1,
  planId: 'a'.repeat(64),
  installId: 'AAAAAAAAAAAAAAAAAAAAAA',
  keyId: 'b'.repeat(64),
  phase: 'applying',
  steps: STEP_IDS.map((id, i) => ({ id, state: states[i] as 'done' })),
  facts: {},
  updatedAt: '2026-01-01T00:00:00.000Z',
});

describe('journal', () => {
  it('marks the running step of a dead helper as interrupted and not retryable', () => {
    const marked = markInterrupted(
      journal(['done', 'done', 'running', 'pending', 'pending', 'pending', 'pending', 'pending', 'pending']),
      '2026-01-01T00:01:00.000Z',
    );
    expect(marked.phase).toBe('failed');
    expect(marked.steps[2]).toMatchObject({ state: 'failed' });
    expect(marked.failure).toMatchObject({ step: 'userdata-open', code: 'interrupted', retryable: false });
  });

  it('marks the next step when the helper stopped between steps', () => {
    const marked = markInterrupted(
      journal(['done', 'done', 'skipped', 'pending', 'pending', 'pending', 'pending', 'pending', 'pending']),
      'x',
    );
    expect(marked.failure?.step).toBe('userdata-mkfs');
  });

  it('round-trips through its file and calls a damaged file corrupt', () => {
    const temp = makeTempDir('journal-');
    try {
      const store = new JournalStore(temp.dir);
      expect(store.load()).toEqual({ kind: 'none' });
      const j = journal(['done', 'running', 'pending', 'pending', 'pending', 'pending', 'pending', 'pending', 'pending']);
      store.save(j);
      expect(store.load()).toEqual({ kind: 'ok', journal: j });
      writeFileSync(store.file, '{"version":1');
      expect(store.load()).toMatchObject({ kind: 'corrupt' });
    } finally {
      temp.remove();
    }
  });
});
