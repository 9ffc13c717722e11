// Recovery key: shown in eight groups; one of them is typed back to prove it was written down.
import { expect, type Locator } from '@playwright/test';
import { WizardStepScreen } from './screen';
import { fillSecret } from '../test-support/hidden-input';

const CONFIRM_LABEL = /^Type group (\d+) of the recovery key$/;

export class RecoveryPage extends WizardStepScreen {
  protected readonly title = 'Your recovery key';

  get keyList(): Locator {
    return this.page.getByRole('list', { name: 'Recovery key' });
  }

  get confirmField(): Locator {
    return this.page.getByRole('textbox', { name: CONFIRM_LABEL });
  }

  /** The key as shown, groups joined by dashes (as it is typed at an unlock prompt). */
  async readKey(): Promise<string> {
    const items = this.keyList.getByRole('listitem');
    await expect(items).toHaveCount(8);
    // Each group is shown after its (decorative) number: the key itself is letters only.
    const groups = (await items.allTextContents()).map((text) => text.replace(/[^a-z]/g, ''));
    return groups.join('-');
  }

  /** Which group (1–8) the page asks for, from the field's label. */
  async askedGroup(): Promise<number> {
    const label = await this.confirmField.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? '');
    const match = CONFIRM_LABEL.exec(label.trim());
    if (!match) throw new Error(`unexpected label of the recovery-key confirmation: ${label}`);
    return Number(match[1]);
  }

  async typeGroup(text: string): Promise<void> {
    await fillSecret(this.confirmField, text, 'a recovery-key group');
  }

  /** Reads the key, types back the group asked for, and returns the key. */
  async confirmKey(): Promise<string> {
    const key = await this.readKey();
    const group = await this.askedGroup();
    await this.typeGroup(key.split('-')[group - 1]!);
    return key;
  }

  async makeNewKey(): Promise<void> {
    await this.button('Make a new key').click();
  }
}
