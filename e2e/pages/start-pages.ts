// Screens before the wizard can begin: the helper is not answering yet, or nothing can go on.
import type { Locator } from '@playwright/test';
import { Screen } from './screen';

export class HelperWaitPage extends Screen {
  protected readonly title = 'Waiting for the host';

  async tryNow(): Promise<void> {
    await this.button('Try now').click();
  }

  /** "Tried N times. Still trying…" */
  get attempts(): Locator {
    return this.page.getByRole('status').filter({ hasText: /Tried \d+ times?\. Still trying/ });
  }

  async attemptCount(): Promise<number> {
    return Number(/Tried (\d+)/.exec(await this.attempts.innerText())?.[1] ?? Number.NaN);
  }
}

export class FatalPage extends Screen {
  protected readonly title = "Setup can't continue";
}
