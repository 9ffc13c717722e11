// A secret's text field: hidden by default with a Show toggle, a Caps Lock warning, no spell
// checking or autocorrection (they could send the text elsewhere or change it).
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  onChange(value: string): void;
  readonly hint?: ReactNode;
  /** Id of an element with this field's error message, when there is one. */
  readonly errorId?: string;
  readonly invalid?: boolean;
  readonly canShow?: boolean;
  readonly autoComplete?: string;
  readonly inputMode?: 'text' | 'numeric';
  readonly className?: string;
  readonly extraDescribedBy?: string;
  readonly lang?: string;
}

export function SecretInput({
  id,
  label,
  value,
  onChange,
  hint,
  errorId,
  invalid,
  canShow = true,
  autoComplete = 'new-password',
  inputMode,
  className,
  extraDescribedBy,
  lang,
}: Props) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  const [capsLock, setCapsLock] = useState(false);
  const hintId = hint ? `${id}-hint` : undefined;
  const capsId = `${id}-caps`;
  const describedBy = [hintId, errorId, capsLock ? capsId : undefined, extraDescribedBy].filter(Boolean).join(' ') || undefined;
  const readCaps = (e: React.KeyboardEvent<HTMLInputElement>) => setCapsLock(e.getModifierState('CapsLock'));

  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {hint ? (
        <div id={hintId} className="field-hint">
          {hint}
        </div>
      ) : null}
      <div className="secret-row">
        <input
          id={id}
          className="input input-secret"
          type={shown ? 'text' : 'password'}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={readCaps}
          onKeyUp={readCaps}
          onBlur={() => setCapsLock(false)}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          autoComplete={autoComplete}
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          inputMode={inputMode}
          lang={lang}
          dir="auto"
        />
        {canShow ? (
          <button
            type="button"
            className="button button-secondary button-small"
            aria-pressed={shown}
            aria-controls={id}
            onClick={() => setShown((s) => !s)}
          >
            {t('common:secret.show')}
            <span className="visually-hidden"> {label}</span>
          </button>
        ) : null}
      </div>
      {capsLock ? (
        <p id={capsId} className="field-warning" role="status">
          {t('common:secret.capsLock')}
        </p>
      ) : null}
    </div>
  );
}
