// Keeps keyboard focus on the page when the control that had it disables itself or goes away
// (WCAG 2.4.3): focus moves to what replaced it, or to the result it announces.

/** Focuses the element with `id` as soon as it is on the page (it may appear after a render). */
export function focusWhenShown(id: string, frames = 30): void {
  const el = document.getElementById(id);
  if (el) {
    el.focus();
    return;
  }
  if (frames > 0) requestAnimationFrame(() => focusWhenShown(id, frames - 1));
}
