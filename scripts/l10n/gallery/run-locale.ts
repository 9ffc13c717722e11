// One column of the gallery: a fresh sandbox helper and the preview for one locale, the walk
// through every page and state with a screenshot at each, then the fatal screen (a preview
// whose signing key is missing). One helper serves the whole column.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import type { Browser } from '@playwright/test';
import { startHelper, startPreview, stop } from '../../lib/processes';
import { FAIL_STEP, SLOW_STEP, walkWizard } from '../walk';
import { KEYS_LOCALE_ID, type GalleryLocale } from './locales.mjs';
import { keysOnScreen, notesOnScreen } from './keys-on-screen.mjs';

export interface Shot {
  name: string;
  file: string;
  keys: string[] | null;
  notes: Record<string, string> | null;
}

const VIEWPORT = { width: 1280, height: 900 };

function helperArgs(): string[] {
  return [
    '--fast-kdf',
    ...Object.entries(FAIL_STEP).flatMap(([step, n]) => ['--fail-step', `${step}:${n}`]),
    ...Object.entries(SLOW_STEP).flatMap(([step, ms]) => ['--slow-step', `${step}:${ms}`]),
  ];
}

const withLng = (url: string, locale: GalleryLocale): string => (locale.lng ? `${url}&lng=${locale.lng}` : url);

/** `outDir`: the gallery folder; screenshots go to <outDir>/<locale.id>/. */
export async function runLocale(browser: Browser, locale: GalleryLocale, outDir: string): Promise<Shot[]> {
  const dir = mkdtempSync(path.join(tmpdir(), `l10n-gallery-${locale.id}-`));
  const shotsDir = path.join(outDir, locale.id);
  rmSync(shotsDir, { recursive: true, force: true });
  mkdirSync(shotsDir, { recursive: true });
  const shots: Shot[] = [];
  const children: ChildProcess[] = [];
  const context = await browser.newContext({ locale: locale.browserLocale, viewport: VIEWPORT });
  try {
    // The helper runs once (it makes the host's signing key), then is down when the wizard starts.
    let helper = await startHelper(dir, helperArgs());
    const { socket, signingKey } = helper.ready;
    await stop(helper.child);
    const preview = await startPreview({
      socket,
      signingKey,
      stateDir: path.join(dir, 'wizard'),
      extraArgs: ['--sandbox', '--simulated-fido2'],
    });
    children.push(preview.child);
    const page = await context.newPage();
    await page.goto(withLng(preview.ready.url, locale));

    const shoot = async (name: string): Promise<void> => {
      const file = `${locale.id}/${name}.png`;
      const keysView = locale.id === KEYS_LOCALE_ID;
      const notes = keysView ? await notesOnScreen(page) : null;
      await page.screenshot({ path: path.join(outDir, file), fullPage: true, animations: 'disabled', caret: 'hide' });
      shots.push({ name, file, keys: keysView ? await keysOnScreen(page) : null, notes });
    };
    await walkWizard(page, {
      language: locale.pick,
      onState: shoot,
      startHelper: async () => {
        helper = await startHelper(dir, helperArgs());
        children.push(helper.child);
      },
    });

    // The screen for a setup that cannot go on: this preview has no signing key.
    const fatal = await startPreview({
      socket,
      signingKey: path.join(dir, 'missing-signing-key.pem'),
      stateDir: path.join(dir, 'wizard-fatal'),
      extraArgs: ['--sandbox'],
    });
    children.push(fatal.child);
    await page.goto(withLng(fatal.ready.url, locale));
    await page.locator('.notice-error').waitFor();
    await shoot('fatal');
    return shots;
  } finally {
    await context.close();
    for (const child of children.reverse()) await stop(child);
    rmSync(dir, { recursive: true, force: true });
  }
}
