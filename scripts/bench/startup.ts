// Start-up: navigation to interactive (see installInteractiveProbe) for the wizard's first page
// and for the blank page, alternating, each load in a new context with the cache disabled. The
// first load of each is a warm-up (server and browser processes) and is not counted.
import type { Browser } from '@playwright/test';
import { coldPage } from './browser';
import { installInteractiveProbe, type InteractiveArg } from './in-page';
import type { StartupResult } from './results';
import { round, roundSummary, summarize } from './stats';

const WARMUPS = 1;
const LOAD_TIMEOUT_MS = 30_000;

async function loadOnce(browser: Browser, url: string, arg: InteractiveArg): Promise<number> {
  const { context, page } = await coldPage(browser);
  try {
    await page.addInitScript(installInteractiveProbe, arg);
    await page.goto(url, { waitUntil: 'commit', timeout: LOAD_TIMEOUT_MS });
    const ms = await page.evaluate(
      ({ timeoutMs }) => {
        const w = window as unknown as { __benchInteractive?: Promise<number> };
        if (!w.__benchInteractive) throw new Error('the interactive probe is missing');
        return Promise.race([w.__benchInteractive, new Promise<number>((_, reject) => setTimeout(() => reject(new Error('not interactive in time')), timeoutMs))]);
      },
      { timeoutMs: LOAD_TIMEOUT_MS },
    );
    return ms;
  } finally {
    await context.close();
  }
}

export interface StartupTargets {
  readonly appUrl: string;
  readonly blankUrl: string;
  readonly app: InteractiveArg;
  readonly blank: InteractiveArg;
}

export async function measureStartup(browser: Browser, t: StartupTargets, loads: number): Promise<StartupResult> {
  const app: number[] = [];
  const blank: number[] = [];
  for (let i = 0; i < loads + WARMUPS; i++) {
    // Alternate which goes first, so neither always follows the other.
    const order = i % 2 === 0 ? (['blank', 'app'] as const) : (['app', 'blank'] as const);
    for (const which of order) {
      const ms = which === 'app' ? await loadOnce(browser, t.appUrl, t.app) : await loadOnce(browser, t.blankUrl, t.blank);
      if (i >= WARMUPS) (which === 'app' ? app : blank).push(ms);
    }
  }
  const a = summarize(app);
  const b = summarize(blank);
  return {
    loads,
    warmups: WARMUPS,
    app: roundSummary(a, 1),
    blank: roundSummary(b, 1),
    ratio: round(a.p50 / b.p50, 2),
    appSamples: app.map((x) => round(x, 1)),
    blankSamples: blank.map((x) => round(x, 1)),
  };
}
