// The pages and their order. The wizard pages are walked with Next and Back; the install pages
// come after the point of no return and are reached only through the install itself.
import { makesRecoveryKey, type EncryptionMethod } from '../../shared/plan/unlock-methods';

export const WIZARD_PAGES = ['welcome', 'profile', 'apps', 'encryption', 'recovery', 'summary'] as const;
export type WizardPage = (typeof WIZARD_PAGES)[number];

export const INSTALL_PAGES = ['progress', 'failure', 'done'] as const;
export type InstallPage = (typeof INSTALL_PAGES)[number];

export type Page = WizardPage | InstallPage;

/** Pages that ask for a secret: after a restart of the wizard they must be filled in again. */
export const SECRET_PAGES: readonly WizardPage[] = ['encryption', 'recovery'];

export function isWizardPage(page: string): page is WizardPage {
  return (WIZARD_PAGES as readonly string[]).includes(page);
}

export function isInstallPage(page: string): page is InstallPage {
  return (INSTALL_PAGES as readonly string[]).includes(page);
}

/** The wizard pages a person walks through for these choices, in order: the recovery-key page only when one is made. */
export function activePages(encryption: { method: EncryptionMethod | null; recoveryKey: boolean }): WizardPage[] {
  return WIZARD_PAGES.filter((p) => p !== 'recovery' || makesRecoveryKey(encryption));
}

export function pageIndex(page: WizardPage): number {
  return WIZARD_PAGES.indexOf(page);
}

export function laterPage(a: WizardPage, b: WizardPage): WizardPage {
  return pageIndex(a) >= pageIndex(b) ? a : b;
}
