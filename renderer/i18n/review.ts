// Reviewer display modes (ADR 041): the pseudo-locale and key-only mode, offered only where
// nothing real is at stake, the browser preview or the sandbox; never in a production run.
//   …/?token=…&lng=pseudo   pseudo-locale        …&lng=keys (or cimode)   keys instead of text
//   …&lng=fi                start in a language (any offered code)
import type { AppInfo } from '../../shared/ipc/contract';
import { KEYS_LOCALE, PSEUDO_LOCALE, findLanguage } from './languages';

export const REVIEW_MODES = ['off', 'pseudo', 'keys'] as const;
export type ReviewMode = (typeof REVIEW_MODES)[number];

export const REVIEW_PARAM = 'lng';

export function reviewAllowed(app: Pick<AppInfo, 'runtime' | 'sandbox'> | null): boolean {
  return app !== null && (app.runtime === 'preview' || app.sandbox);
}

export interface ReviewRequest {
  readonly mode: ReviewMode | null;
  /** An offered language to start in. */
  readonly language: string | null;
}

export function readReviewRequest(search: string): ReviewRequest {
  const value = new URLSearchParams(search).get(REVIEW_PARAM)?.trim() ?? '';
  if (value === 'pseudo' || value === PSEUDO_LOCALE) return { mode: 'pseudo', language: null };
  if (value === 'keys' || value === KEYS_LOCALE) return { mode: 'keys', language: null };
  return { mode: null, language: findLanguage(value)?.code ?? null };
}

/** The language i18next shows: the person's, or a reviewer mode over it. */
export function displayLanguage(locale: string, mode: ReviewMode): string {
  if (mode === 'pseudo') return PSEUDO_LOCALE;
  if (mode === 'keys') return KEYS_LOCALE;
  return locale;
}

/** <html lang>: the pseudo-locale is its own tag; keys keep the person's language (and dir). */
export function documentLanguage(locale: string, mode: ReviewMode): string {
  return mode === 'pseudo' ? PSEUDO_LOCALE : locale;
}
