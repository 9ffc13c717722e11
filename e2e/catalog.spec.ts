// A host that offers many apps: the Apps page finds one by search, the Common preset fills in
// from the catalog's order, and the chosen app gets its VM folder.
import { test, expect } from './test-support/test';
import { sampleAppId, sampleAppName } from './test-support/catalog';
import { expectProvisioned } from './test-support/expect-provisioned';
import { installToDone } from './test-support/flows';
import { PASSPHRASE } from './test-support/secrets';

const APPS_IN_CATALOG = 300;
const WANTED = 287;

test.use({ catalog: { apps: APPS_IN_CATALOG } });

test(`@profiles a catalog of ${APPS_IN_CATALOG} apps: search finds one, and it is installed`, async ({ ui, sandbox, wizardStateDir }) => {
  await ui.welcome.next();
  await ui.profile.choose('Common');
  await ui.profile.next();
  await ui.apps.expectSelected(['Web browser', sampleAppName(1), sampleAppName(2)]);
  await ui.apps.search(sampleAppName(WANTED));
  await expect(ui.page.getByText(`Showing 1 of ${APPS_IN_CATALOG} apps`)).toBeVisible();
  await ui.apps.select(sampleAppName(WANTED));
  await ui.apps.search('');
  await ui.apps.expectSelected(['Web browser', sampleAppName(1), sampleAppName(2), sampleAppName(WANTED)]);
  await ui.apps.next();
  await ui.encryption.choosePassphrase(PASSPHRASE, { recoveryKey: false });
  await ui.encryption.next();
  await expect(ui.summary.item('VMs')).toContainText(sampleAppName(WANTED));
  await installToDone(ui);

  expectProvisioned(
    { sandboxDir: sandbox.dir, wizardStateDir },
    {
      profile: 'common',
      apps: ['browser', sampleAppId(1), sampleAppId(2), sampleAppId(WANTED)],
      locale: 'en',
      keyboard: { layout: 'us', variant: '' },
      encryption: { method: 'passphrase', passphrase: PASSPHRASE },
      recoveryKey: null,
    },
  );
});
