// The sections that need Chromium, in one browser: start-up, then one walk through the wizard
// for typing and the renderer's heap. Each gets its own helper and preview server.
import path from 'node:path';
import { launchChromium, newContext } from './browser';
import type { Counts, Section } from './options';
import type { Measured } from './results';
import type { Snapshot } from './snapshot';
import { measureStartup } from './startup';
import { walkWizard } from './wizard-flow';
import { startWizard } from './wizard-processes';
import type { WizardText } from './wizard-text';

export type Say = (line: string) => void;

export async function browserSections(
  sections: readonly Section[],
  snap: Snapshot,
  work: string,
  t: WizardText,
  counts: Counts,
  say: Say,
): Promise<{ measured: Measured; chromium: string }> {
  const measured: Measured = {};
  const browser = await launchChromium();
  try {
    if (sections.includes('startup')) {
      say(`start-up: ${counts.loads} cold loads of the wizard and of the blank page…`);
      const w = await startWizard(snap, path.join(work, 'startup'));
      try {
        const arg = { heading: t('welcome', 'title'), button: t('common', 'nav.next') };
        measured.startup = await measureStartup(browser, { appUrl: w.url, blankUrl: `${w.origin}/${snap.blankPage}`, app: arg, blank: arg }, counts.loads);
      } finally {
        await w.stop();
      }
    }
    const heap = sections.includes('heap');
    const typing = sections.includes('typing');
    if (heap || typing) {
      say(`${[typing && 'typing', heap && 'renderer heap'].filter(Boolean).join(' and ')}: walking the wizard${heap ? ' to Done' : ''}…`);
      const w = await startWizard(snap, path.join(work, 'flow'));
      const context = await newContext(browser);
      try {
        const flow = await walkWizard(await context.newPage(), w.url, t, { heap, typing, typingRounds: counts.typingRounds });
        if (heap) measured.heap = flow.heap;
        if (flow.typing) measured.typing = flow.typing;
      } finally {
        await context.close();
        await w.stop();
      }
    }
    return { measured, chromium: `Chromium ${browser.version()}` };
  } finally {
    await browser.close();
  }
}
