// Arabic reads right to left: <html dir="rtl" lang="ar">, the step list on the right, Next on
// the left of Back with its arrow mirrored, the bundled Arabic face in use, no font from
// anywhere but the wizard itself; and back to English the page turns left to right again.
// Controls are found by id and structure: their names are Arabic here.
import { expect, test } from '../test-support/test';
import { NEXT } from '../../scripts/l10n/walk';

// Language is the renderer's business: the browser preview runs it; Electron adds nothing here.
test.skip(({ runtime }) => runtime === 'electron', 'browser preview only');

test.use({ locale: 'ar' });

const BACK = 'form.page .page-actions button.button-secondary';

test('Arabic: right-to-left layout, mirrored arrows, bundled fonts', async ({ wizard }) => {
  const { page } = wizard;
  const fonts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'font') fonts.push(r.url());
  });
  await page.reload();
  const html = page.locator('html');
  await expect(html).toHaveAttribute('dir', 'rtl');
  await expect(html).toHaveAttribute('lang', 'ar');

  await page.locator(NEXT).click();
  await page.locator('#profile-common').waitFor();
  const next = (await page.locator(NEXT).boundingBox())!;
  const back = (await page.locator(BACK).boundingBox())!;
  expect(next.x + next.width).toBeLessThanOrEqual(back.x);
  const steps = (await page.locator('.step-list').boundingBox())!;
  const main = (await page.locator('#main').boundingBox())!;
  expect(steps.x).toBeGreaterThan(main.x);
  await expect(page.locator(`${NEXT} .icon-directional`)).toHaveCSS('transform', 'matrix(-1, 0, 0, 1, 0, 0)');

  await expect(page.locator('h1')).toHaveCSS('font-family', /^"Noto Sans Arabic"/);
  await expect.poll(() => page.evaluate(() => document.fonts.check('700 16px "Noto Sans Arabic"', 'مرحبا'))).toBe(true);
  const origin = new URL(wizard.url!).origin;
  expect(fonts.length).toBeGreaterThan(0);
  expect(fonts.filter((u) => !u.startsWith(origin))).toEqual([]);

  // Live back to English from the header's menu: left to right again, Next on the right.
  await page.locator('#header-language').selectOption('en');
  await expect(html).toHaveAttribute('dir', 'ltr');
  const nextLtr = (await page.locator(NEXT).boundingBox())!;
  const backLtr = (await page.locator(BACK).boundingBox())!;
  expect(nextLtr.x).toBeGreaterThanOrEqual(backLtr.x + backLtr.width);
  await expect(page.locator(`${NEXT} .icon-directional`)).toHaveCSS('transform', 'none');
});
