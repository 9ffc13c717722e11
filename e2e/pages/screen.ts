// What every screen of the wizard has: a level-1 heading that names it. Wizard pages (Welcome
// to Summary) add Back / Next and the list of reasons that blocks Next.
import { expect, type Locator, type Page } from '@playwright/test';

export abstract class Screen {
  /** The page's level-1 heading, as the person reads it. */
  protected abstract readonly title: string;

  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: this.title, exact: true });
  }

  async expectShown(): Promise<void> {
    await expect(this.heading, `the "${this.title}" screen should be showing`).toBeVisible();
  }

  protected button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }
}

export abstract class WizardStepScreen extends Screen {
  get nextButton(): Locator {
    return this.button('Next');
  }

  /** "Before you continue": what still blocks Next, shown after Next was pressed. */
  get blockingReasons(): Locator {
    return this.page.getByRole('alert', { name: 'Before you continue' });
  }

  /** Presses Next once this page shows (a Next pressed before would act on the page before it). */
  async next(): Promise<void> {
    await this.expectShown();
    await this.nextButton.click();
  }

  async back(): Promise<void> {
    await this.button('Back').click();
  }

  /** Presses Next and expects to stay on this page, with `reason` among the reasons shown. */
  async expectNextBlockedBy(reason: string | RegExp): Promise<void> {
    await this.next();
    const why = `Next on "${this.title}" should be refused, saying: ${String(reason)}`;
    await expect(this.blockingReasons, why).toBeVisible();
    await expect(this.blockingReasons.getByRole('listitem').filter({ hasText: reason }), why).toHaveCount(1);
    await this.expectShown();
  }
}
