// Every page with the keyboard alone, in English and in Arabic (right to left): Tab, Shift+Tab,
// arrows, Space and Enter only. After every action focus is on something of the page, never its
// body, and axe finds nothing on any page. The run passes a slow step (the progress page), a
// failed one and its Retry (the failure page). Controls are found by id and structure, as the
// l10n walk finds them (scripts/l10n/walk.ts): the text is the language's.
import { LANGUAGES } from '../renderer/i18n/languages';
import { NEXT, PAGE_MARK as MARK, PRIMARY } from '../scripts/l10n/walk';
import { test, expect } from './test-support/test';
import { expectAccessible } from './test-support/a11y';
import { expectFocusNotOnBody } from './test-support/focus';
import { typeSecret } from './test-support/hidden-input';
import { tabTo } from './test-support/keyboard';
import { PASSPHRASE } from './test-support/secrets';

test.skip(({ runtime }) => runtime === 'electron', 'browser preview only');
// A slow step holds the progress page long enough to check it; a failing one shows the failure page.
test.use({ helperOptions: { slowSteps: { 'userdata-mount': 4000 }, failSteps: { 'system-config': 1 } } });

for (const language of ['en', 'ar'] as const) {
  test(`@a11y @smoke keyboard only, every page, in ${language}: focus never on the body, axe clean`, async ({ ui }) => {
    const { page } = ui;
    const keys = page.keyboard;
    const arrive = async (screen: keyof typeof MARK) => {
      await expect(page.locator(MARK[screen]).first()).toBeVisible({ timeout: 60_000 });
      await expectFocusNotOnBody(page, `arriving on ${screen}`);
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      await expectAccessible(page, `${screen} (${language})`);
    };
    const act = async (target: string, key: string, what: string) => {
      await tabTo(page, page.locator(target).first());
      await keys.press(key);
      await expectFocusNotOnBody(page, what);
    };

    // Welcome: the language with arrows, chosen with Space.
    await expect(page.locator(MARK.welcome).first()).toBeVisible();
    if (language === 'ar') {
      await tabTo(page, page.locator('input[name=language]:checked'));
      // From English to Arabic through the list in the languages table's order.
      const steps = LANGUAGES.findIndex((l) => l.code === 'ar') - LANGUAGES.findIndex((l) => l.code === 'en');
      for (let i = 0; i < Math.abs(steps); i++) await keys.press(steps > 0 ? 'ArrowDown' : 'ArrowUp');
      await expect(page.locator('input[name=language][value="ar"]')).toBeFocused();
      await keys.press('Space');
      await expectFocusNotOnBody(page, 'choosing Arabic');
    }
    await arrive('welcome');
    await act(NEXT, 'Enter', 'Next on Welcome');

    await arrive('profile');
    await expect(page.locator('#profile-common')).toBeChecked();
    await act(NEXT, 'Enter', 'Next on Profile');

    await arrive('apps');
    // A locked app takes focus and says why when tried.
    await act('#app-browser', 'Space', 'trying the locked browser');
    await expect(page.locator('#app-browser')).toBeChecked();
    const reason = await page.locator('#app-browser-hint .app-item-lock').innerText();
    await expect(page.locator('[role=status][aria-live=polite]').filter({ hasText: reason.trim() }), 'the reason is announced').toHaveCount(
      1,
    );
    await expect(page.locator('#app-browser')).toHaveAttribute('aria-disabled', 'true');
    await act(NEXT, 'Enter', 'Next on Apps');

    await arrive('encryption');
    await act('#method-passphrase', 'Space', 'choosing the passphrase');
    await tabTo(page, page.locator('#passphrase'));
    await typeSecret(page, PASSPHRASE, 'the passphrase');
    await tabTo(page, page.locator('#rehearsal'));
    await typeSecret(page, PASSPHRASE, 'the unlock rehearsal');
    await expect(page.locator('#rehearsal-state.field-ok')).toBeVisible();
    await expectAccessible(page, `encryption, filled (${language})`);
    await act(NEXT, 'Enter', 'Next on Encryption');

    await arrive('recovery');
    const group = await page.locator('.recovery-group-asked .recovery-group-text').innerText();
    await tabTo(page, page.locator('#recovery-confirm'));
    await typeSecret(page, group, 'a recovery-key group');
    await keys.press('Enter');

    await arrive('summary');
    await act('.page-actions .button-danger', 'Enter', 'Install');

    await arrive('progress');
    await arrive('failure');
    await act(PRIMARY, 'Enter', 'Retry');

    await arrive('done');
    await expect(page.locator('.step-list [aria-current]')).toHaveCount(0);
    await act(PRIMARY, 'Enter', 'Restart');
    await expect(page.locator('#restart-preview')).toBeFocused();
  });
}
