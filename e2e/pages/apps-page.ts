// Apps: refine the profile's app VMs; locked apps say why (aria-disabled and a reason).
import { expect, type Locator } from '@playwright/test';
import type { ProfileName } from './profile-page';
import { WizardStepScreen } from './screen';

export class AppsPage extends WizardStepScreen {
  protected readonly title = 'Choose apps';

  app(name: string): Locator {
    return this.page.getByRole('checkbox', { name, exact: true });
  }

  /** The profile is chosen on the Profile page: "Change profile" goes there, Next comes back. */
  async chooseProfile(name: ProfileName): Promise<void> {
    await this.button('Change profile').click();
    await this.page.getByRole('radio', { name, exact: true }).check();
    await this.page.getByRole('button', { name: 'Next', exact: true }).click();
    await this.expectShown();
  }

  /** The page names the profile it refines ("Profile: Common."). */
  async expectProfile(name: ProfileName): Promise<void> {
    await expect(this.page.getByText(`Profile: ${name}.`, { exact: true })).toBeVisible();
  }

  /** With Minimal there are no apps to list: one line says so and offers Common. */
  get minimalNotice(): Locator {
    return this.page.getByText('The Minimal profile creates no app VMs. To add apps, switch to Common.');
  }

  async select(name: string): Promise<void> {
    await this.app(name).check();
  }

  async deselect(name: string): Promise<void> {
    await this.app(name).uncheck();
  }

  async search(text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: 'Search apps' }).fill(text);
  }

  /** The names of the apps checked, in list order (among those the search shows). */
  async selectedApps(): Promise<string[]> {
    const checked = this.page.getByRole('list', { name: 'Apps' }).getByRole('checkbox', { checked: true });
    // An app's own checkbox, not the "keeps its files" one beneath it.
    return checked.evaluateAll((boxes) =>
      boxes.filter((box) => box.id.startsWith('app-')).map((box) => (box as HTMLInputElement).labels?.[0]?.textContent?.trim() ?? ''),
    );
  }

  async expectSelected(names: readonly string[]): Promise<void> {
    await expect.poll(() => this.selectedApps(), { message: 'the apps checked' }).toEqual([...names]);
  }

  /** A locked app cannot be changed, says so (aria-disabled) and keeps its state when clicked. */
  async expectLocked(name: string): Promise<void> {
    const box = this.app(name);
    await expect(box).toHaveAttribute('aria-disabled', 'true');
    const before = await box.isChecked();
    // Playwright waits for aria-disabled elements to become enabled; click it as a person would anyway.
    await box.click({ force: true });
    await expect(box, `${name} is locked: clicking it changes nothing`).toBeChecked({ checked: before });
  }

  /** The "keeps its files" switch of a chosen app that the install writes. */
  keepsFiles(name: string): Locator {
    return this.page.getByRole('checkbox', { name: `${name} keeps its files between runs`, exact: true });
  }

  async switchToPower(): Promise<void> {
    await this.button('Switch to Power').first().click();
  }

  async switchToCommon(): Promise<void> {
    await this.button('Switch to Common').click();
  }
}
