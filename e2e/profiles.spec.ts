// Every profile × every encryption method reaches Done, and the host ends up exactly as chosen.
// The cells vary the other choices too (keyboard, recovery key, app picks, high contrast); three
// of them run axe on every screen they pass (passphrase, security key, and with High contrast).
import { test } from './test-support/test';
import { axeOn } from './test-support/a11y';
import { expectProvisioned } from './test-support/expect-provisioned';
import { completeWizard, expectedFrom, PIN_KEY, type WizardChoices } from './test-support/flows';
import { PASSPHRASE } from './test-support/secrets';

const withPassphrase = (recoveryKey: boolean) => ({ method: 'passphrase', passphrase: PASSPHRASE, recoveryKey }) as const;
const withSecurityKey = PIN_KEY;

const MATRIX: readonly { name: string; choices: WizardChoices; axe: boolean }[] = [
  { name: 'minimal + passphrase', choices: { profile: 'minimal', keyboard: 'fi', encryption: withPassphrase(true) }, axe: false },
  { name: 'minimal + security key', choices: { profile: 'minimal', encryption: withSecurityKey }, axe: true },
  { name: 'common + passphrase', choices: { profile: 'common', addApps: ['mail'], encryption: withPassphrase(true) }, axe: true },
  { name: 'common + security key', choices: { profile: 'common', keyboard: 'us(intl)', encryption: withSecurityKey }, axe: false },
  {
    name: 'power + passphrase',
    choices: { profile: 'power', removeApps: ['terminal'], addApps: ['files'], encryption: withPassphrase(false) },
    axe: false,
  },
  {
    name: 'power + security key, high contrast',
    choices: { profile: 'power', accessibility: ['High contrast', 'Large text'], encryption: withSecurityKey },
    axe: true,
  },
];

for (const { name, choices, axe } of MATRIX) {
  test(`@profiles @encryption${axe ? ' @a11y' : ''} ${name} reaches Done and provisions what was chosen`, async ({
    ui,
    sandbox,
    wizardStateDir,
  }) => {
    const { recoveryKey } = await completeWizard(ui, choices, axe ? axeOn(ui.page) : undefined);
    expectProvisioned({ sandboxDir: sandbox.dir, wizardStateDir }, expectedFrom(choices, recoveryKey));
  });
}
