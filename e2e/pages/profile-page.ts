// Profile: Minimal, Common or Power.
import { expect, type Locator } from '@playwright/test';
import { WizardStepScreen } from './screen';

export type ProfileName = 'Minimal' | 'Common' | 'Power';

export class ProfilePage extends WizardStepScreen {
  protected readonly title = 'Choose a profile';

  profile(name: ProfileName): Locator {
    return this.page.getByRole('radio', { name, exact: true });
  }

  async choose(name: ProfileName): Promise<void> {
    await this.profile(name).check();
  }

  async expectChosen(name: ProfileName): Promise<void> {
    await expect(this.profile(name)).toBeChecked();
  }
}
