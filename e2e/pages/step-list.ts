// The wizard's steps at the side: each page already reached is a way back to it.
import { expect, type Locator, type Page } from '@playwright/test';

export type StepName = 'Welcome' | 'Profile' | 'Apps' | 'Encryption' | 'Recovery key' | 'Summary';

export class StepList {
  constructor(readonly page: Page) {}

  get nav(): Locator {
    return this.page.getByRole('navigation', { name: 'Setup steps' });
  }

  async goTo(step: StepName): Promise<void> {
    await this.nav.getByRole('button', { name: step, exact: true }).click();
  }

  /** The step the person is on (aria-current="step"). */
  async expectCurrent(label: string): Promise<void> {
    await expect(this.nav.locator('[aria-current="step"]')).toHaveText(new RegExp(`${label}$`));
  }
}
