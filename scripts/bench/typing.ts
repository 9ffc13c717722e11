// Strength feedback while typing a 30-character passphrase into the Encryption page, `rounds`
// times (the field is emptied between rounds). One key at a time at a steady cadence; each
// keystroke's latency is from its keydown event (event time,
// so queueing on a busy main thread counts) to the page's "strength shown" performance mark,
// made in the layout effect that follows the meter's DOM update for exactly that value. If the
// feedback is slower than the cadence, the next key waits for it. Long tasks (> 50 ms) of the
// main thread are counted from the first key to the last feedback.
import type { Page } from '@playwright/test';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { installTypingProbe, typingLog, waitForMarks } from './in-page';
import type { TypingResult } from './results';
import { round, roundSummary, summarize } from './stats';

/** Made by renderer/pages/encryption/use-strength.ts. */
export const STRENGTH_MARK = 'spectrum:strength-shown';
export const PASSPHRASE = 'correct horse battery staple 9';
/** About 100 words a minute. */
export const CADENCE_MS = 120;
const FEEDBACK_TIMEOUT_MS = 10_000;

const BETWEEN_ROUNDS_MS = 500;

export async function measureTyping(page: Page, field: string, rounds: number, text = PASSPHRASE): Promise<TypingResult> {
  await page.evaluate(installTypingProbe, { field, mark: STRENGTH_MARK });
  const input = page.locator(`#${field}`);
  await input.click();
  let typed = 0;
  for (let round = 0; round < rounds; round++) {
    if (round > 0) {
      await input.fill(''); // no key events: only typed characters are timed
      await sleep(BETWEEN_ROUNDS_MS);
    }
    for (const ch of text) {
      const started = performance.now();
      await page.keyboard.type(ch);
      typed++;
      if (!(await page.evaluate(waitForMarks, { n: typed, timeoutMs: FEEDBACK_TIMEOUT_MS }))) {
        throw new Error(`no strength feedback for keystroke ${typed} within ${FEEDBACK_TIMEOUT_MS} ms`);
      }
      const left = CADENCE_MS - (performance.now() - started);
      if (left > 0) await sleep(left);
    }
  }
  const log = await page.evaluate(typingLog);
  if (log.keydowns.length !== typed || log.marks.length !== typed) {
    throw new Error(`expected ${typed} keydowns and marks, saw ${log.keydowns.length} and ${log.marks.length}`);
  }
  const latencies = log.marks.map((m, i) => m - log.keydowns[i]!);
  const from = log.keydowns[0]!;
  const during = log.longTasks.filter((t) => t.start + t.duration >= from);
  return {
    keystrokes: typed,
    rounds,
    cadenceMs: CADENCE_MS,
    firstMs: round(latencies[0]!),
    latency: roundSummary(summarize(latencies)),
    samples: latencies.map((x) => round(x)),
    longTasks: {
      count: during.length,
      maxMs: round(Math.max(0, ...during.map((t) => t.duration))),
      totalMs: round(during.reduce((a, t) => a + t.duration, 0)),
    },
  };
}
