// A page's validation, recomputed only when its inputs change (selectors must return stable
// values, so the validation is derived here rather than in a store selector).
import { useMemo } from 'react';
import type { WizardPage } from '../state/pages';
import { validatePage, type Validation } from '../state/validators';
import { useWizard } from './store-context';

export function useValidation(page: WizardPage): Validation {
  const choices = useWizard((s) => s.choices);
  const secrets = useWizard((s) => s.secrets);
  const fido2 = useWizard((s) => s.fido2);
  const usb = useWizard((s) => s.usb);
  const boot = useWizard((s) => s.boot);
  const unattended = useWizard((s) => s.unattended);
  return useMemo(
    () => validatePage(page, { choices, secrets, fido2, usb, boot, unattended }),
    [page, choices, secrets, fido2, usb, boot, unattended],
  );
}
