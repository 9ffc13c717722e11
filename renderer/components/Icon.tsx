// Small inline icons. Directional ones (arrows, chevrons) carry a class that mirrors them in
// right-to-left layouts. Always decorative: the text beside them carries the meaning.
type IconName =
  'back' | 'next' | 'check' | 'cross' | 'skip' | 'running' | 'pending' | 'warning' | 'info' | 'key' | 'copy' | 'lock' | 'language';

const PATHS: Record<IconName, string> = {
  back: 'M15 5l-7 7 7 7',
  next: 'M9 5l7 7-7 7',
  check: 'M5 12.5l4.5 4.5L19 7.5',
  cross: 'M6 6l12 12M18 6L6 18',
  skip: 'M5 12h11M12 7l5 5-5 5',
  running: 'M12 3a9 9 0 1 1-9 9',
  pending: 'M12 7a5 5 0 1 1 0 10 5 5 0 0 1 0-10z',
  warning: 'M12 3l10 18H2L12 3zm0 6v6m0 2.5v1',
  info: 'M12 3a9 9 0 1 1 0 18 9 9 0 0 1 0-18zm0 7v7m0-10v1',
  key: 'M14 10a4 4 0 1 0-3.5 3.97L10 14v3h3v3h3v-3.5l-2.2-2.2A4 4 0 0 0 14 10z',
  copy: 'M8 8h11v12H8zM5 16V4h11',
  lock: 'M6 11h12v10H6zM8.5 11V7.5a3.5 3.5 0 0 1 7 0V11',
  language: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM3 12h18M12 3c2.4 2.5 3.6 5.5 3.6 9s-1.2 6.5-3.6 9c-2.4-2.5-3.6-5.5-3.6-9s1.2-6.5 3.6-9z',
};

const DIRECTIONAL: readonly IconName[] = ['back', 'next', 'skip'];

export function Icon({ name, className }: { name: IconName; className?: string }) {
  const classes = ['icon', DIRECTIONAL.includes(name) ? 'icon-directional' : '', name === 'running' ? 'icon-spin' : '', className ?? '']
    .filter(Boolean)
    .join(' ');
  return (
    <svg className={classes} viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
