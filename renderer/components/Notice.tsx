// A boxed message: information, a warning or an error, with an icon and an optional role.
import type { ReactNode } from 'react';
import { Icon } from './Icon';

type Tone = 'info' | 'warning' | 'error' | 'success';

export function Notice({ tone, children, role, id, title }: { tone: Tone; children: ReactNode; role?: 'status' | 'alert'; id?: string; title?: ReactNode }) {
  const icon = tone === 'success' ? 'check' : tone === 'info' ? 'info' : 'warning';
  return (
    <div className={`notice notice-${tone}`} role={role} id={id}>
      <Icon name={icon} className="notice-icon" />
      <div className="notice-body">
        {title ? <p className="notice-title">{title}</p> : null}
        {children}
      </div>
    </div>
  );
}
