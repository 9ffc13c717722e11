import { describe, expect, it } from 'vitest';
import type { InstallEvent } from '../../shared/ipc/contract';
import { STEP_IDS } from '../../shared/plan/steps';
import {
  anythingWritten,
  initialInstall,
  LOG_LIMIT,
  reduceInstallEvent,
  stepsFromStatus,
  weightedFraction,
  type InstallState,
} from './install-progress';

const PLAN = 'b'.repeat(64);
const running: InstallState = { ...initialInstall, planId: PLAN, phase: 'running', steps: stepsFromStatus([]) };
const progress = (
  step: (typeof STEP_IDS)[number],
  state: 'running' | 'done' | 'skipped' | 'failed',
  planId = PLAN,
  reason?: string,
): InstallEvent => ({
  kind: 'progress',
  progress: { type: 'progress', planId, step, state, index: STEP_IDS.indexOf(step) + 1, total: STEP_IDS.length, elapsedMs: 100, reason },
});

describe('install progress reduction', () => {
  it('lists every step in protocol order, pending when the host said nothing', () => {
    expect(stepsFromStatus([]).map((s) => s.id)).toEqual([...STEP_IDS]);
    expect(stepsFromStatus([{ id: 'receipt' }, { id: 'userdata-format', state: 'done' }]).map((s) => [s.id, s.state])).toEqual([
      ['userdata-format', 'done'],
      ['receipt', 'pending'],
    ]);
  });

  it('updates a step, records when the host was heard, logs changes but not heartbeats', () => {
    let s = reduceInstallEvent(running, progress('userdata-format', 'running'), 1000);
    s = reduceInstallEvent(s, progress('userdata-format', 'running'), 3000);
    expect(s.steps[0]!.state).toBe('running');
    expect(s.lastHeardAt).toBe(3000);
    expect(s.log).toHaveLength(1);
  });

  it('ignores events of another plan', () => {
    expect(reduceInstallEvent(running, progress('userdata-format', 'done', 'c'.repeat(64)), 1)).toBe(running);
  });

  it('keeps the skip reason', () => {
    const s = reduceInstallEvent(running, progress('vm-import', 'skipped', PLAN, 'sandbox'), 1);
    expect(s.steps.find((x) => x.id === 'vm-import')).toMatchObject({ state: 'skipped', reason: 'sandbox' });
  });

  it('weights the fraction by step cost, skipped counting as done', () => {
    expect(weightedFraction(running.steps)).toBe(0);
    const s = reduceInstallEvent(running, progress('userdata-format', 'done'), 1);
    expect(weightedFraction(s.steps)).toBeCloseTo(30 / 100);
    const all = running.steps.map((x) => ({ ...x, state: 'skipped' as const }));
    expect(weightedFraction(all)).toBe(1);
  });

  it('moves within a running step by its time against the host estimate, never to done', () => {
    const estimated = {
      ...running,
      steps: stepsFromStatus(STEP_IDS.map((id) => ({ id, expectedMs: id === 'userdata-format' ? 10_000 : 1000 }))),
    };
    const at = (elapsedMs: number) => {
      const event: InstallEvent = {
        kind: 'progress',
        progress: {
          type: 'progress',
          planId: PLAN,
          step: 'userdata-format',
          state: 'running',
          index: 1,
          total: STEP_IDS.length,
          elapsedMs,
          expectedMs: 10_000,
        },
      };
      return weightedFraction(reduceInstallEvent(estimated, event, 1).steps);
    };
    const total = 10_000 + 8 * 1000;
    expect(at(0)).toBe(0);
    expect(at(5000)).toBeCloseTo((0.45 * 10_000) / total);
    expect(at(1000)).toBeLessThan(at(2000));
    // Past the estimate it still moves, and stays below the step's whole share.
    expect(at(20_000)).toBeGreaterThan(at(10_000));
    expect(at(60_000)).toBeLessThan(10_000 / total);
  });

  it('a failed result marks the step and the failure', () => {
    const s = reduceInstallEvent(
      running,
      {
        kind: 'result',
        result: { type: 'result', planId: PLAN, ok: false, step: 'vm-definitions', code: 'io', message: 'x', retryable: true },
      },
      5,
    );
    expect(s.phase).toBe('failed');
    expect(s.failure).toMatchObject({ code: 'io', step: 'vm-definitions', retryable: true });
    expect(s.steps.find((x) => x.id === 'vm-definitions')!.state).toBe('failed');
  });

  it('connection lost and restored toggle once each', () => {
    const lost = reduceInstallEvent(running, { kind: 'connection', state: 'lost' }, 1);
    expect(lost.connection).toBe('lost');
    expect(reduceInstallEvent(lost, { kind: 'connection', state: 'lost' }, 2)).toBe(lost);
    expect(reduceInstallEvent(lost, { kind: 'connection', state: 'restored' }, 3).connection).toBe('ok');
    const gaveUp = reduceInstallEvent(lost, { kind: 'connection', state: 'gave-up' }, 4);
    expect(gaveUp).toMatchObject({ phase: 'failed', connection: 'ok', failure: { code: 'helper-unreachable', retryable: true } });
    expect(reduceInstallEvent(gaveUp, { kind: 'connection', state: 'gave-up' }, 5)).toBe(gaveUp);
  });

  it('going back is safe only before anything was written', () => {
    expect(anythingWritten({ ...initialInstall })).toBe(false);
    expect(anythingWritten(running)).toBe(false);
    expect(anythingWritten(reduceInstallEvent(running, progress('userdata-format', 'running'), 1))).toBe(true);
    const refused: InstallState = {
      ...running,
      steps: running.steps.map((x) => (x.id === 'userdata-format' ? { ...x, state: 'failed' } : x)),
      failure: { source: 'step', code: 'target-in-use', step: 'userdata-format', message: '', retryable: false, details: [] },
    };
    expect(anythingWritten(refused)).toBe(false);
  });

  it('bounds the log', () => {
    let s = running;
    for (let i = 0; i < LOG_LIMIT + 10; i++) s = reduceInstallEvent(s, { kind: 'connection', state: i % 2 ? 'restored' : 'lost' }, i);
    expect(s.log.length).toBe(LOG_LIMIT);
  });
});
