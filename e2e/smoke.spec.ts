// The thin wizard of the foundation issue, end to end: the preview and the real helper over a
// real Unix socket, Minimal with a passphrase; afterwards userdata.img holds a LUKS2 header that
// opens with the typed passphrase.
import { test, expect } from './test-support/test';
import { luksMetadata, opensWith } from './test-support/sandbox-state';
import { completeWizard, expectedFrom, type WizardChoices } from './test-support/flows';
import { expectProvisioned } from './test-support/expect-provisioned';
import { PASSPHRASE } from './test-support/secrets';

const MINIMAL_WITH_PASSPHRASE: WizardChoices = {
  profile: 'minimal',
  encryption: { method: 'passphrase', passphrase: PASSPHRASE, recoveryKey: false },
};

test('@smoke @profiles minimal + passphrase: the thin wizard installs through the real helper', async ({ ui, sandbox, wizardStateDir }) => {
  const { recoveryKey } = await completeWizard(ui, MINIMAL_WITH_PASSPHRASE);

  expect(Object.values(luksMetadata(sandbox.dir).keyslots).length, 'userdata.img holds a LUKS2 header with a keyslot').toBeGreaterThan(0);
  expect(opensWith(sandbox.dir, PASSPHRASE), 'it opens with the typed passphrase').toBe(true);
  expectProvisioned({ sandboxDir: sandbox.dir, wizardStateDir }, expectedFrom(MINIMAL_WITH_PASSPHRASE, recoveryKey));
});
