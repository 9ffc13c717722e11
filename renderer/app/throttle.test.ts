import { describe, expect, it } from 'vitest';
import { manualTimers } from '../test-support/fake-deps';
import { createThrottledAnnouncer } from './throttle';

describe('throttled announcer', () => {
  it('says the first at once, then at most one per interval, the newest', () => {
    const timers = manualTimers(0);
    const said: string[] = [];
    const a = createThrottledAnnouncer((m) => said.push(m), 10_000, {
      now: () => timers.now,
      setTimeout: timers.setTimeout,
      clearTimeout: timers.clearTimeout,
    });
    a.announce('step 1');
    a.announce('step 2');
    a.announce('step 3');
    expect(said).toEqual(['step 1']);
    timers.advance(9_999);
    expect(said).toEqual(['step 1']);
    timers.advance(1);
    expect(said).toEqual(['step 1', 'step 3']);
    a.announce('step 3');
    timers.advance(20_000);
    expect(said).toEqual(['step 1', 'step 3']);
    a.announceNow('done');
    expect(said).toEqual(['step 1', 'step 3', 'done']);
  });
});
