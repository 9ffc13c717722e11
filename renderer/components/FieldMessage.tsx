// The inline message under a field: its reasons, once the person tried to continue.
import type { Reason } from '../state/validators';
import { useReasonText } from './use-reason-text';

export function FieldMessage({ id, reasons }: { id: string; reasons: readonly Reason[] }) {
  const text = useReasonText();
  if (reasons.length === 0) return null;
  return (
    <p id={id} className="field-error">
      {reasons.map((r) => text(r)).join(' ')}
    </p>
  );
}
