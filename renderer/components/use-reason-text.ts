// Turns a validator's reason into a sentence in the page's language.
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../i18n/format';
import type { Reason } from '../state/validators';

export function useReasonText(): (reason: Reason) => string {
  const { t, i18n } = useTranslation();
  return (reason) => {
    const values: Record<string, string | number> = { ...reason.values };
    if (typeof values.page === 'string') values.page = t(`common:page.${values.page}`);
    for (const key of ['need', 'have'] as const) {
      if (typeof values[key] === 'number') values[key] = formatBytes(values[key], i18n.language);
    }
    return t(reason.key, values);
  };
}

/** The reasons about one field, for its inline message and aria-invalid. */
export function reasonsFor(reasons: readonly Reason[], field: string): Reason[] {
  return reasons.filter((r) => r.field === field);
}
