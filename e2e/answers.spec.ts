// An organization's signed answers file in the wizard, in every language: partly interactive
// (only the encryption is asked; everything else is shown as set by the organization), and fully
// unattended (nothing asked: the one security key is set up by itself, the recovery key is
// escrowed, and first boot reaches Done with no input). Controls are found by id and structure,
// never by text, so the same walk works in any language.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { LANGUAGES } from '../renderer/i18n/languages';
import { openEscrow, readEscrowPrivateKey } from '../host/answers/escrow';
import { NEXT, passphraseFor, PRIMARY } from '../scripts/l10n/walk';
import { LATIN_LAYOUT, isUnlockLayout } from '../shared/keyboard/unlock-keymaps';
import { luksUuid, opensWith, receipt, receivedPlan } from './test-support/sandbox-state';
import { expect, test } from './test-support/test';
import { textLeaves } from './l10n/test-support/page-text';
import { rawKeys } from './l10n/test-support/locale-text';
import { expectProvisioned } from './test-support/expect-provisioned';
import { fillSecret } from './test-support/hidden-input';
import { longTag } from './test-support/short-run-languages';

const ORGANIZATION = 'Example Fleet IT';
const APPS = ['browser', 'editor', 'terminal'];
/** Apps the organization wants to start fresh each time (no storage kept). */
const START_FRESH = ['terminal'];

function answersYaml(o: { locale: string; keyboard: { layout: string; variant: string }; encryption?: string }): string {
  return [
    'schema: 1',
    `organization: ${ORGANIZATION}`,
    `locale: ${o.locale}`,
    `keyboard: { layout: "${o.keyboard.layout}", variant: "${o.keyboard.variant}" }`,
    'accessibility: { highContrast: false, largeText: true, reduceMotion: false, screenReader: false }',
    'profile: common',
    `apps: [${APPS.join(', ')}]`,
    `startFresh: [${START_FRESH.join(', ')}]`,
    ...(o.encryption ? [`encryption: ${o.encryption}`] : []),
    '',
  ].join('\n');
}

/** The signed payload of the sandbox's answers file, and its digest: how plans and receipts name it. */
function signedPayload(dir: string): Buffer {
  const envelope = JSON.parse(readFileSync(path.join(dir, 'answers', 'answers.signed.json'), 'utf8')) as { payload: string };
  return Buffer.from(envelope.payload, 'base64');
}
const digestOf = (dir: string) => createHash('sha256').update(signedPayload(dir)).digest('hex');

async function expectNoRawKeys(page: Page): Promise<void> {
  expect(rawKeys(await textLeaves(page))).toEqual([]);
}

for (const language of LANGUAGES) {
  // The language's own layout, or English (US) where the unlock prompt cannot load it (ADR 033).
  const keyboard = isUnlockLayout(language.keyboard) ? language.keyboard : LATIN_LAYOUT;
  const long = longTag(language.code);
  test.describe(`answers in ${language.nativeName}`, () => {
    test.describe('partly interactive: only the encryption is asked', () => {
      test.use({ answers: { yaml: answersYaml({ locale: language.code, keyboard: keyboard }) } });

      test(`@answers${long} ${language.code}: the wizard asks only the encryption, shows the rest as set, and installs`, async ({
        ui,
        sandbox,
        wizardStateDir,
      }) => {
        const { page } = ui;
        // Straight to the encryption page: Welcome, Profile and Apps are the organization's.
        await page.locator('#method-passphrase').waitFor({ timeout: 30_000 });
        await expect(page.locator('html')).toHaveAttribute('lang', language.code);
        await expect(page.locator('input[name=language]')).toHaveCount(0);
        // Every step keeps its number; the three the organization decided are marked as not asked.
        await expect(page.locator('.step-list li.step-skipped')).toHaveCount(3); // welcome, profile, apps
        await expectNoRawKeys(page);

        const passphrase = passphraseFor(language.code);
        await page.locator('#method-passphrase').check();
        await fillSecret(page.locator('#passphrase'), passphrase, 'the passphrase');
        await fillSecret(page.locator('#rehearsal'), passphrase, 'the unlock rehearsal');
        await page.locator('#rehearsal-state.field-ok').waitFor();
        await page.locator(NEXT).click();

        await page.locator('#recovery-confirm').waitFor();
        const recoveryKey = (await page.locator('.recovery-key').innerText()).replace(/\s+/g, '');
        const group = await page.locator('.recovery-group-asked .recovery-group-text').innerText();
        await fillSecret(page.locator('#recovery-confirm'), group.trim(), 'a recovery-key group');
        await page.locator(NEXT).click();

        // The summary: what the organization set says so and cannot be changed; the encryption can.
        await page.locator('.summary-section').first().waitFor();
        // Language, profile and apps, encryption, and the disk and computer the install is on.
        await expect(page.locator('.summary-section')).toHaveCount(4);
        await expect(page.locator('.summary-section-head .set-by')).toHaveCount(2);
        await expect(page.locator('.summary-section-head button')).toHaveCount(1);
        await expect(page.locator('.set-by').first()).toContainText(ORGANIZATION);
        await expectNoRawKeys(page);
        await page.locator(PRIMARY).click();

        await page.locator('.done-list').waitFor({ timeout: 60_000 });
        const plan = receivedPlan(sandbox.dir);
        expect(plan.answers).toEqual({ digest: digestOf(sandbox.dir) });
        expect([...(plan.vms.persistent ?? [])].sort(), 'apps keep their files unless the answers start them fresh').toEqual([
          'browser',
          'editor',
        ]);
        expect((receipt(sandbox.dir) as unknown as { answers: { digest: string; organization: string } }).answers).toMatchObject({
          digest: digestOf(sandbox.dir),
          organization: ORGANIZATION,
        });
        expectProvisioned(
          { sandboxDir: sandbox.dir, wizardStateDir },
          {
            profile: 'common',
            apps: APPS,
            locale: language.code,
            keyboard: keyboard,
            encryption: { method: 'passphrase', passphrase },
            recoveryKey: recoveryKey.match(/[a-z]{8}/g)!.join('-'),
            accessibility: { highContrast: false, largeText: true, reduceMotion: false, screenReader: false },
          },
        );
      });
    });

    test.describe('unattended: nothing asked', () => {
      test.use({
        answers: {
          yaml: answersYaml({ locale: language.code, keyboard: keyboard, encryption: '{ method: fido2, recoveryKey: true }' }),
          escrow: true,
        },
        simulatedFido2Keys: ['no-pin'],
      });

      test(`@answers${long} ${language.code}: first boot reaches Done with no input, and the escrowed recovery key opens the volume`, async ({
        ui,
        sandbox,
        organization,
        wizardStateDir,
      }) => {
        const { page } = ui;
        // No click, no key press: only watching.
        await page.locator('.done-list').waitFor({ timeout: 90_000 });
        await expect(page.locator('html')).toHaveAttribute('lang', language.code);
        await expectNoRawKeys(page);

        const uuid = luksUuid(sandbox.dir);
        const escrowFile = path.join(sandbox.dir, 'answers', `${uuid}.escrow.json`);
        const { recoveryKey } = await openEscrow(readFileSync(escrowFile, 'utf8'), readEscrowPrivateKey(organization!.escrowKeyFile));
        expect(opensWith(sandbox.dir, recoveryKey), 'the escrowed recovery key opens the volume').toBe(true);
        expect((receipt(sandbox.dir) as unknown as { answers: unknown }).answers).toMatchObject({
          digest: digestOf(sandbox.dir),
          organization: ORGANIZATION,
          escrow: `${uuid}.escrow.json`,
        });
        expectProvisioned(
          { sandboxDir: sandbox.dir, wizardStateDir },
          {
            profile: 'common',
            apps: APPS,
            locale: language.code,
            keyboard: keyboard,
            encryption: { method: 'fido2', pinRequired: false },
            recoveryKey,
            accessibility: { highContrast: false, largeText: true, reduceMotion: false, screenReader: false },
          },
        );
      });
    });
  });
}
