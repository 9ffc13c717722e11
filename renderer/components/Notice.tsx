// A boxed message: information, a warning or an error, with an icon and an optional role.
import type { ReactNode } from 'react';
import { Icon } from './Icon';

type Tone = 'info' | 'warning' | 'error' | 'success';

/** `focusable`: the notice can take focus from a script (tabIndex -1), as the result of an action. */
export function Notice({
  tone,
  children,
  role,
  id,
  title,
  focusable,
}: {
  tone: Tone;
  children: ReactNode;
  role?: 'status' | 'alert';
  id?: string;
  title?: ReactNode;
  focusable?: boolean;
}) {
  const icon = tone === 'success' ? 'check' : tone === 'info' ? 'info' : 'warning';
  return (
    <div className={`notice notice-${tone}`} role={role} id={id} tabIndex={focusable ? -1 : undefined}>
      <Icon name={icon} className="notice-icon" />
      <div className="notice-body">
        {title ? <p className="notice-title">{title}</p> : null}
        {children}
      </div>
    </div>
  );
}
