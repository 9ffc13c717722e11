// The pages after Install: progress, failure, done.
import { expect, type Locator } from '@playwright/test';
import { Screen } from './screen';

export class ProgressPage extends Screen {
  protected readonly title = 'Installing Spectrum';

  get overallProgress(): Locator {
    return this.page.getByRole('progressbar', { name: 'Overall progress' });
  }

  /** "Reconnecting": the connection to the host dropped while installing. */
  get reconnectingNotice(): Locator {
    return this.page.getByRole('status').filter({ hasText: 'Reconnecting' });
  }

  /** A step's row: its title and its state in words ("In progress", "Done", …). */
  step(title: string): Locator {
    return this.page.getByRole('listitem').filter({ hasText: title });
  }

  async showLog(): Promise<Locator> {
    await this.button('Show log').click();
    const log = this.page.getByRole('log', { name: 'Installation log' });
    await expect(log).toBeVisible();
    return log;
  }
}

export class FailurePage extends Screen {
  protected readonly title = 'The installation did not finish';

  get retryButton(): Locator {
    return this.button('Retry');
  }

  get backButton(): Locator {
    return this.button('Back');
  }

  async retry(): Promise<void> {
    await this.retryButton.click();
  }

  async back(): Promise<void> {
    await this.backButton.click();
  }

  /** The failure in words: where it stopped ("The installation stopped at the step “…”." / "The installation did not start.") and why. */
  async expectExplained(where: string | RegExp, why: string | RegExp): Promise<void> {
    await this.expectShown();
    await expect(this.page.getByText(where)).toBeVisible();
    await expect(this.page.getByText(why)).toBeVisible();
  }

  /** Opens "Technical details" and returns its region (code and message, in English). */
  async technicalDetails(): Promise<Locator> {
    await this.button('Technical details').click();
    const region = this.page.getByRole('region', { name: 'Technical details' });
    await expect(region).toBeVisible();
    return region;
  }

  get exportLogButton(): Locator {
    return this.button('Export log');
  }

  /** Exports the install log and returns the path the page says it was saved to. */
  async exportLog(): Promise<string> {
    await this.exportLogButton.click();
    const saved = this.page.getByRole('status').filter({ hasText: /^Log saved to / });
    await expect(saved).toBeVisible();
    return (await saved.innerText()).replace(/^Log saved to /, '').trim();
  }
}

export class DonePage extends Screen {
  protected readonly title = 'Spectrum is ready';

  get restartButton(): Locator {
    return this.button('Restart');
  }
}
