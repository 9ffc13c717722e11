import { describe, expect, it } from 'vitest';
import { initialData } from '../../state/defaults';
import { previewPlan } from './plan-preview';

const placeholders = {
  installId: '<id>',
  session: '<session>',
  nonce: '<nonce>',
  createdAt: '<time>',
  sealedEnc: '<sealed>',
  sealedCt: '<sealed ct>',
};

describe('Show plan', () => {
  it('is the plan payload with placeholders, and no secret in it', () => {
    const data = initialData({ locale: 'fi', prefersHighContrast: false, prefersReducedMotion: false });
    const state = {
      ...data,
      choices: {
        ...data.choices,
        profile: 'common' as const,
        apps: ['terminal', 'browser', 'editor'],
        encryption: { method: 'passphrase' as const, recoveryKey: true },
      },
      secrets: {
        ...data.secrets,
        passphrase: 'hunter2 hunter2',
        recoveryKey: 'cccccccc-cccccccc-cccccccc-cccccccc-cccccccc-cccccccc-cccccccc-cccccccc',
      },
    };
    const plan = previewPlan(state, placeholders);
    expect(plan).toMatchObject({
      schema: 1,
      installId: '<id>',
      session: '<session>',
      locale: 'fi',
      keyboard: { layout: 'fi', variant: '' },
      profile: 'common',
      vms: { system: ['guivm', 'netvm', 'usbvm'], apps: ['browser', 'editor', 'terminal'] },
      encryption: { method: 'passphrase', recoveryKey: true, fido2: null, sealed: { enc: '<sealed>', ct: '<sealed ct>' } },
    });
    const json = JSON.stringify(plan);
    expect(json).not.toContain('hunter2');
    expect(json).not.toContain('cccccccc');
  });
});
