// Buttons that disable themselves or disappear when used hand focus on to what replaced them, or
// to the result they announce, so the next Tab goes on from there (WCAG 2.4.3). Each is
// activated with the keyboard, as a keyboard or screen-reader user would. Install, which waits
// for the host to take the plan, keeps focus until Progress takes it.
import { test, expect } from './test-support/test';
import { expectFocusNotOnBody } from './test-support/focus';
import { tabTo } from './test-support/keyboard';
import { walkToSummary } from './test-support/flows';
import { PASSPHRASE, SIMULATED_KEY } from './test-support/secrets';
import { Wizard } from './pages/wizard';
import type { ProfileName } from './pages/profile-page';

async function toApps(ui: Wizard, profile: ProfileName): Promise<void> {
  await ui.welcome.next();
  await ui.profile.choose(profile);
  await ui.profile.next();
  await ui.apps.expectShown();
}

async function toEncryption(ui: Wizard): Promise<void> {
  await toApps(ui, 'Minimal');
  await ui.apps.next();
  await ui.encryption.expectShown();
}

async function press(ui: Wizard, name: string): Promise<void> {
  await tabTo(ui.page, ui.page.getByRole('button', { name, exact: true }).first());
  await ui.page.keyboard.press('Enter');
}

test('@a11y @encryption setting up and testing a security key keeps focus on the page', async ({ ui }) => {
  await toEncryption(ui);
  await ui.encryption.chooseSecurityKey();
  await ui.encryption.selectDevice(SIMULATED_KEY.noPin);
  await press(ui, 'Set up security key');
  await ui.encryption.expectSecurityKeyReady(SIMULATED_KEY.noPin);
  await expectFocusNotOnBody(ui.page, '"Set up security key"');

  await press(ui, 'Test security key');
  await expect(ui.page.getByText('The key works.')).toBeVisible();
  await expectFocusNotOnBody(ui.page, '"Test security key"');
});

test.describe('without security keys', () => {
  test.use({ simulatedFido2: false });

  test('@a11y @encryption "Use a passphrase instead" moves focus to the passphrase', async ({ ui }) => {
    await toEncryption(ui);
    await ui.encryption.chooseSecurityKey();
    await expect(ui.page.getByRole('status').filter({ hasText: 'No security key found' })).toBeVisible();
    await press(ui, 'Use a passphrase instead');
    await expect(ui.encryption.passphraseField).toBeVisible();
    await expectFocusNotOnBody(ui.page, '"Use a passphrase instead"');
  });
});

test('@a11y @profiles "Switch to Common" and "Switch to Power" on Apps keep focus on the page', async ({ ui }) => {
  await toApps(ui, 'Minimal');
  await press(ui, 'Switch to Common');
  await ui.apps.expectProfile('Common');
  await expectFocusNotOnBody(ui.page, '"Switch to Common"');

  await press(ui, 'Switch to Power');
  await ui.apps.expectProfile('Power');
  await expectFocusNotOnBody(ui.page, '"Switch to Power"');
});

test('@a11y @smoke Install keeps focus while the plan is on its way, then Progress takes it', async ({ page, openWizard }) => {
  // The plan's request is held between the page and the preview server, as a slow host would hold it.
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.routeWebSocket(/./, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage(async (message) => {
      if (typeof message === 'string' && message.includes('"install.start"')) await released;
      server.send(message);
    });
  });
  const ui = new Wizard((await openWizard()).page);
  await walkToSummary(ui, { profile: 'minimal', encryption: { method: 'passphrase', passphrase: PASSPHRASE, recoveryKey: false } });
  await press(ui, 'Install');

  const install = ui.summary.installButton;
  await expect(install, 'Install says it cannot be pressed again').toHaveAttribute('aria-disabled', 'true');
  await expect(install, 'focus stays on Install, not the page body').toBeFocused();

  release();
  await ui.progress.expectShown();
  await expect(ui.progress.heading, "Progress's heading takes focus").toBeFocused();
});
