// Summary: every choice in words, a way back to each, the plan on request, and Install.
import { expect, type Locator } from '@playwright/test';
import { WizardStepScreen } from './screen';

export type SummarySection = 'Change language and keyboard' | 'Change profile and apps' | 'Change encryption';

export class SummaryPage extends WizardStepScreen {
  protected readonly title = 'Check and install';

  get installButton(): Locator {
    return this.button('Install');
  }

  async install(): Promise<void> {
    await this.installButton.click();
  }

  async change(section: SummarySection): Promise<void> {
    await this.button(section).click();
  }

  /** The value the summary states for a term ("Profile", "VMs", "Unlock with", …). */
  item(term: string): Locator {
    return this.page
      .getByRole('term')
      .filter({ hasText: new RegExp(`^${term}$`) })
      .locator('xpath=following-sibling::dd[1]');
  }

  async showPlan(): Promise<Locator> {
    await this.button('Show plan').click();
    const plan = this.page.getByRole('region', { name: 'Show plan' });
    await expect(plan).toBeVisible();
    return plan;
  }
}
