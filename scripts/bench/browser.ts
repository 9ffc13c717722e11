// Debian's Chromium through Playwright, with the flags the e2e suite uses, and cold contexts:
// a new context per load (no cookies, storage or cache from earlier loads) with the HTTP cache
// disabled through the DevTools protocol.
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';

import { CHROMIUM_ARGS as E2E_CHROMIUM_ARGS, CHROMIUM_PATH } from '../lib/chromium.mjs';

export { CHROMIUM_PATH };
const CHROMIUM_ARGS = [
  ...E2E_CHROMIUM_ARGS,
  // performance.memory with exact figures (not bucketed) for the heap section.
  '--enable-precise-memory-info',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** A small VM's window. */
const VIEWPORT = { width: 1024, height: 768 };

export function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: VIEWPORT });
}

export interface ColdPage {
  readonly context: BrowserContext;
  readonly page: Page;
}

export async function coldPage(browser: Browser): Promise<ColdPage> {
  const context = await newContext(browser);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  return { context, page };
}
