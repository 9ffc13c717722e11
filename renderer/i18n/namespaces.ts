// One i18next namespace per page or concern; files are assets/locales/<lang>/<namespace>.json.
export const NAMESPACES = [
  'common',
  'welcome',
  'keyboard',
  'profile',
  'apps',
  'catalog',
  'encryption',
  'recovery',
  'summary',
  'progress',
  'errors',
  'done',
  'boot',
  'answers',
  // The unlock prompt at boot, shared with the rehearsal (shared/unlock/prompt.ts, host/unlock/).
  'unlock',
] as const;
export type Namespace = (typeof NAMESPACES)[number];
