import { describe, expect, it } from 'vitest';
import { ok } from '../test-support/fake-api';
import { makeStore } from '../test-support/fake-deps';
import { displayLanguage, documentLanguage, readReviewRequest, reviewAllowed } from './review';
import { createReviewStore, enableReviewWhenKnown } from './review-store';

describe('reviewer modes', () => {
  it('are allowed in the preview and the sandbox only', () => {
    expect(reviewAllowed({ runtime: 'preview', sandbox: false })).toBe(true);
    expect(reviewAllowed({ runtime: 'electron', sandbox: true })).toBe(true);
    expect(reviewAllowed({ runtime: 'electron', sandbox: false })).toBe(false);
    expect(reviewAllowed(null)).toBe(false);
  });

  it('read the lng URL parameter', () => {
    expect(readReviewRequest('?token=x&lng=pseudo')).toEqual({ mode: 'pseudo', language: null });
    expect(readReviewRequest('?lng=cimode')).toEqual({ mode: 'keys', language: null });
    expect(readReviewRequest('?lng=keys')).toEqual({ mode: 'keys', language: null });
    expect(readReviewRequest('?lng=ar')).toEqual({ mode: null, language: 'ar' });
    expect(readReviewRequest('?lng=xx')).toEqual({ mode: null, language: null });
  });

  it('show over the person’s language without changing it', () => {
    expect(displayLanguage('fi', 'off')).toBe('fi');
    expect(displayLanguage('fi', 'pseudo')).toBe('en-XA');
    expect(displayLanguage('ar', 'keys')).toBe('cimode');
    expect(documentLanguage('ar', 'keys')).toBe('ar');
  });

  it('switch on from the URL once main says this is the preview, and never in production', async () => {
    for (const [runtime, sandbox, allowed] of [
      ['preview', true, true],
      ['electron', false, false],
    ] as const) {
      const { store: wizard } = makeStore({ 'app.info': () => ok({ version: '1', runtime, sandbox, simulatedFido2: false }) });
      const review = createReviewStore();
      enableReviewWhenKnown(wizard, review, '?lng=pseudo');
      await wizard.getState().start();
      expect(review.getState()).toMatchObject({ allowed, mode: allowed ? 'pseudo' : 'off' });
      review.getState().setMode('keys');
      expect(review.getState().mode).toBe(allowed ? 'keys' : 'off');
      expect(wizard.getState().choices.locale).toBe('en');
      wizard.getState().dispose();
    }
  });
});
