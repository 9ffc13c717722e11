import { describe, expect, it } from 'vitest';
import type { HelperState } from '../../shared/protocol/messages';
import type { TargetProbe } from '../target/probe-target';
import { HelloState } from './helper-state';

const blank: TargetProbe = { sizeBytes: 1 << 30, signatures: [], luks: null };
const applying: HelperState = { phase: 'applying', planId: 'a'.repeat(64), steps: [] };

function sources(stampOf: () => string | null = () => 'same') {
  let own: HelperState | null = null;
  let probes = 0;
  let release: (p: TargetProbe) => void = () => undefined;
  return {
    setOwn: (s: HelperState | null) => (own = s),
    probes: () => probes,
    finish: (p: TargetProbe) => release(p),
    state: new HelloState({
      own: () => own,
      probe: () => {
        probes++;
        return new Promise<TargetProbe>((resolve) => (release = resolve));
      },
      stamp: async () => stampOf(),
    }),
  };
}

const settle = () => new Promise((r) => setImmediate(r));

describe('HelloState', () => {
  it('shares one probe among everyone who asks while it runs, and keeps its answer', async () => {
    const s = sources();
    const answers = Promise.all([s.state.current(), s.state.current(), s.state.current()]);
    await settle();
    s.finish(blank);
    expect(await answers).toEqual([{ phase: 'fresh' }, { phase: 'fresh' }, { phase: 'fresh' }]);
    expect(await s.state.current()).toEqual({ phase: 'fresh' });
    expect(s.probes()).toBe(1);
  });

  it('probes again once the stamp changes, and keeps nothing it cannot stamp', async () => {
    let stamp: string | null = 'one';
    const s = sources(() => stamp);
    const first = s.state.current();
    await settle();
    s.finish(blank);
    await first;
    stamp = 'two';
    const second = s.state.current();
    await settle();
    s.finish(blank);
    await second;
    expect(s.probes()).toBe(2);
    stamp = null;
    for (let i = 0; i < 2; i++) {
      const again = s.state.current();
      await settle();
      s.finish(blank);
      await again;
    }
    expect(s.probes()).toBe(4);
  });

  it('says what the plan admitted meanwhile says, never fresh', async () => {
    const s = sources();
    const answer = s.state.current();
    await settle();
    s.setOwn(applying); // a plan is admitted while the target is being read
    s.finish(blank);
    expect(await answer).toEqual(applying);
  });

  it('is unavailable for a busy or unreadable target, and keeps neither', async () => {
    const s = sources();
    const busy = s.state.current();
    await settle();
    s.finish({ ...blank, signatures: ['in-use'] });
    expect(await busy).toEqual({ phase: 'unavailable', reason: 'target-busy' });
    const failing = new HelloState({ own: () => null, probe: () => Promise.reject(new Error('blkid failed')), stamp: async () => 'same' });
    expect(await failing.current()).toEqual({ phase: 'unavailable', reason: 'target-unreadable' });
    const later = s.state.current();
    await settle();
    s.finish(blank);
    expect(await later).toEqual({ phase: 'fresh' });
    expect(s.probes()).toBe(2);
  });
});
