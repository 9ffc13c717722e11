// A button that shows and hides a region (aria-expanded); Escape inside the region closes it
// and returns focus to the button.
import { useId, useRef, useState, type ReactNode } from 'react';

export function Disclosure({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  const [open, setOpen] = useState(false);
  const regionId = useId();
  const button = useRef<HTMLButtonElement>(null);
  return (
    <div className={`disclosure ${className ?? ''}`}>
      <button
        ref={button}
        type="button"
        className="button button-secondary disclosure-button"
        aria-expanded={open}
        aria-controls={regionId}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="disclosure-marker" aria-hidden="true" />
        {label}
      </button>
      <div
        id={regionId}
        role="region"
        aria-label={label}
        hidden={!open}
        className="disclosure-region"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            setOpen(false);
            button.current?.focus();
          }
        }}
      >
        {open ? children : null}
      </div>
    </div>
  );
}
