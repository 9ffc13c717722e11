// The key view's context for translators (ADR 047): the keys on screen that have a note, each
// with its note, below the page. Shown only in the key-only reviewer mode (preview or sandbox);
// it reads the keys from the page itself, so it lists exactly what is shown.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadContextNotes, noteFor, SHOWN_KEY, type ContextNotes } from '../i18n/context-notes';
import { useReview } from '../i18n/review-context';

/** On the panel: the keys it has read from the page, space-separated (the gallery waits for them). */
export const NOTES_PANEL_ATTRIBUTE = 'data-context-notes';

function keysIn(root: HTMLElement): string[] {
  const found = new Set<string>();
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n instanceof HTMLElement) {
      if (n.hasAttribute(NOTES_PANEL_ATTRIBUTE)) continue;
      for (const a of ['aria-label', 'placeholder', 'title']) for (const k of n.getAttribute(a)?.match(SHOWN_KEY) ?? []) found.add(k);
    } else if (!n.parentElement?.closest(`[${NOTES_PANEL_ATTRIBUTE}]`)) {
      for (const k of n.textContent?.match(SHOWN_KEY) ?? []) found.add(k);
    }
  }
  return [...found].sort();
}

function useKeysOnScreen(active: boolean): string[] {
  const [keys, setKeys] = useState<string[]>([]);
  useEffect(() => {
    if (!active) return;
    const body = document.body;
    let frame = 0;
    const update = () => {
      frame = 0;
      const next = keysIn(body);
      setKeys((old) => (old.join('\n') === next.join('\n') ? old : next));
    };
    const observer = new MutationObserver(() => {
      frame ||= requestAnimationFrame(update);
    });
    observer.observe(body, { subtree: true, childList: true, characterData: true, attributes: true });
    update();
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [active]);
  return keys;
}

export function ContextNotesPanel() {
  const { t } = useTranslation('common');
  const active = useReview((s) => s.allowed && s.mode === 'keys');
  const [notes, setNotes] = useState<ContextNotes | null>(null);
  const keys = useKeysOnScreen(active);
  useEffect(() => {
    if (active && !notes) void loadContextNotes().then(setNotes);
  }, [active, notes]);
  if (!active || !notes) return null;
  const withNotes = keys.flatMap((key) => {
    const note = noteFor(notes, key);
    return note ? [{ key, note }] : [];
  });
  return (
    <aside className="context-notes" {...{ [NOTES_PANEL_ATTRIBUTE]: keys.join(' ') }} aria-labelledby="context-notes-title">
      <h2 id="context-notes-title" className="section-title">
        {t('review.notesTitle')}
      </h2>
      <dl lang="en" dir="ltr">
        {withNotes.map(({ key, note }) => (
          <div key={key} className="context-note" data-key={key}>
            <dt>
              <code>{key}</code>
            </dt>
            <dd>{note}</dd>
          </div>
        ))}
      </dl>
    </aside>
  );
}
