// Code that runs inside the page (serialized by Playwright: each function stands alone).

export interface InteractiveArg {
  readonly heading: string;
  readonly button: string;
}

/**
 * Installed before the page's own scripts. Resolves `window.__benchInteractive` with the time
 * (ms since navigation start) of the first frame in which the page is interactive:
 *   - an <h1> with the expected text and a <button> with the expected name are laid out and
 *     visible (non-zero box, checkVisibility with visibility and opacity),
 *   - the button is enabled, focusable (tabIndex ≥ 0) and not inside an inert subtree,
 *   - the fonts the laid-out text needs have loaded (document.fonts.ready after that layout),
 * and then the next animation frame has started (the frame that paints it).
 */
export function installInteractiveProbe(arg: InteractiveArg): void {
  const w = window as unknown as { __benchInteractive?: Promise<number> };
  if (window.top !== window) return;
  w.__benchInteractive = new Promise<number>((resolve) => {
    const visible = (e: Element) => e.getBoundingClientRect().height > 0 && e.checkVisibility({ visibilityProperty: true, opacityProperty: true });
    const ready = (): boolean => {
      const h = Array.from(document.querySelectorAll('h1')).find((e) => e.textContent?.trim() === arg.heading);
      const b = Array.from(document.querySelectorAll('button')).find((e) => e.textContent?.trim() === arg.button);
      if (!h || !b || b.disabled || b.tabIndex < 0 || b.closest('[inert]')) return false;
      return visible(h) && visible(b);
    };
    let done = false;
    const check = () => {
      if (done || !ready()) return;
      done = true;
      observer.disconnect();
      void document.fonts.ready.then(() => requestAnimationFrame(() => resolve(performance.now())));
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
    document.addEventListener('DOMContentLoaded', check);
  });
}

export interface TypingArg {
  /** Id of the field typed into. */
  readonly field: string;
  /** Name of the performance mark the page makes when the meter shows the current value's estimate. */
  readonly mark: string;
}

export interface TypingLog {
  readonly keydowns: number[];
  readonly marks: number[];
  readonly longTasks: { start: number; duration: number }[];
}

/**
 * Installed once the Encryption page is up. Records each character keydown's event time on the field,
 * each "strength shown" mark, and every long task (> 50 ms) of the main thread.
 */
export function installTypingProbe(arg: TypingArg): void {
  const log: TypingLog = { keydowns: [], marks: [], longTasks: [] };
  const waiters: { n: number; resolve: (ok: boolean) => void }[] = [];
  const field = document.getElementById(arg.field);
  if (!field) throw new Error(`no #${arg.field} on the page`);
  field.addEventListener('keydown', (e) => {
    if (e.key.length === 1) log.keydowns.push(e.timeStamp); // characters only
  }, { capture: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === arg.mark) log.marks.push(e.startTime);
    for (const w of waiters.splice(0)) {
      if (log.marks.length >= w.n) w.resolve(true);
      else waiters.push(w);
    }
  }).observe({ type: 'mark' });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) log.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask' });
  const w = window as unknown as { __benchTyping?: unknown };
  w.__benchTyping = {
    log,
    /** Resolves true once `n` marks have been seen, false after `timeoutMs`. */
    waitForMarks(n: number, timeoutMs: number): Promise<boolean> {
      if (log.marks.length >= n) return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        const waiter = { n, resolve };
        waiters.push(waiter);
        setTimeout(() => {
          const i = waiters.indexOf(waiter);
          if (i >= 0) waiters.splice(i, 1);
          resolve(log.marks.length >= n);
        }, timeoutMs);
      });
    },
  };
}

export function waitForMarks(arg: { n: number; timeoutMs: number }): Promise<boolean> {
  const t = (window as unknown as { __benchTyping: { waitForMarks(n: number, ms: number): Promise<boolean> } }).__benchTyping;
  return t.waitForMarks(arg.n, arg.timeoutMs);
}

export function typingLog(): TypingLog {
  return (window as unknown as { __benchTyping: { log: TypingLog } }).__benchTyping.log;
}
