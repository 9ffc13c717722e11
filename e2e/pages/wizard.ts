// Every screen of the wizard on one window, for scenarios to drive by intention:
//   await ui.encryption.choosePassphrase('…'); await ui.summary.install();
import { expect, type Page } from '@playwright/test';
import { AppsPage } from './apps-page';
import { EncryptionPage } from './encryption-page';
import { DonePage, FailurePage, ProgressPage } from './install-pages';
import { ProfilePage } from './profile-page';
import { RecoveryPage } from './recovery-page';
import { FatalPage, HelperWaitPage } from './start-pages';
import { StepList } from './step-list';
import { SummaryPage } from './summary-page';
import { WelcomePage } from './welcome-page';

export class Wizard {
  readonly welcome: WelcomePage;
  readonly profile: ProfilePage;
  readonly apps: AppsPage;
  readonly encryption: EncryptionPage;
  readonly recovery: RecoveryPage;
  readonly summary: SummaryPage;
  readonly progress: ProgressPage;
  readonly failure: FailurePage;
  readonly done: DonePage;
  readonly helperWait: HelperWaitPage;
  readonly fatal: FatalPage;
  readonly steps: StepList;

  /** The header's language menu (every page before Install); languages by code. */
  async switchLanguage(code: string): Promise<void> {
    await this.page.locator('#header-language').selectOption(code);
    await expect(this.page.locator('html')).toHaveAttribute('lang', code);
  }

  constructor(readonly page: Page) {
    this.welcome = new WelcomePage(page);
    this.profile = new ProfilePage(page);
    this.apps = new AppsPage(page);
    this.encryption = new EncryptionPage(page);
    this.recovery = new RecoveryPage(page);
    this.summary = new SummaryPage(page);
    this.progress = new ProgressPage(page);
    this.failure = new FailurePage(page);
    this.done = new DonePage(page);
    this.helperWait = new HelperWaitPage(page);
    this.fatal = new FatalPage(page);
    this.steps = new StepList(page);
  }
}
