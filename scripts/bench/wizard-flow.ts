// Walks the wizard from Welcome to Done as a person would (Minimal profile, default apps,
// passphrase with a recovery key, Install), measuring the JS heap on arrival at each page and
// the strength feedback while the passphrase is typed.
import type { Page } from '@playwright/test';
import { setTimeout as sleep } from 'node:timers/promises';
import { jsHeap } from './heap';
import type { HeapResult, TypingResult } from './results';
import { measureTyping, PASSPHRASE } from './typing';
import type { WizardText } from './wizard-text';

/** After a page's heading shows, lazy work it starts (a QR code, a worker) gets this long. */
const SETTLE_MS = 500;
/** A person reads the Encryption page before typing; the estimator may load meanwhile. */
const BEFORE_TYPING_MS = 1000;
const INSTALL_TIMEOUT_MS = 180_000;

export interface FlowResult {
  readonly heap: HeapResult;
  readonly typing: TypingResult | null;
}

export async function walkWizard(page: Page, url: string, t: WizardText, measure: { heap: boolean; typing: boolean; typingRounds: number }): Promise<FlowResult> {
  const pages: HeapResult['pages'] = [];
  let typing: TypingResult | null = null;
  const arrive = async (name: string, ns: string, timeout = 30_000) => {
    await page.getByRole('heading', { level: 1, name: t(ns, 'title'), exact: true }).waitFor({ timeout });
    if (!measure.heap) return;
    await sleep(SETTLE_MS);
    pages.push({ page: name, ...(await jsHeap(page)) });
  };
  const next = () => page.getByRole('button', { name: t('common', 'nav.next'), exact: true }).click();

  await page.goto(url);
  await arrive('welcome', 'welcome');
  await next();
  await arrive('profile', 'profile');
  await page.getByRole('radio', { name: t('profile', 'minimal.title'), exact: true }).check();
  await next();
  await arrive('apps', 'apps');
  await next();
  await arrive('encryption', 'encryption');
  await page.getByRole('radio', { name: t('encryption', 'method.passphrase.label'), exact: true }).check();
  await sleep(BEFORE_TYPING_MS);
  if (measure.typing) typing = await measureTyping(page, 'passphrase', measure.typingRounds);
  else await page.locator('#passphrase').fill(PASSPHRASE);
  if (!measure.heap) return { heap: { pages }, typing };

  await page.locator('#rehearsal').fill(PASSPHRASE);
  await next();
  await arrive('recovery', 'recovery');
  const group = await page.locator('.recovery-group-asked .recovery-group-text').textContent();
  await page.locator('#recovery-confirm').fill(group ?? '');
  await next();
  await arrive('summary', 'summary');
  await page.getByRole('button', { name: t('summary', 'install'), exact: true }).click();
  await arrive('progress', 'progress');
  await arrive('done', 'done', INSTALL_TIMEOUT_MS);
  return { heap: { pages }, typing };
}
