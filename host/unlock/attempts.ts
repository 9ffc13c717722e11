// How many typed tries one run of the unlock allows, and how long it waits after each wrong
// one: the wait doubles, up to a ceiling. Nothing is ever locked for good; the boot service
// starts the unlock again after a run that ends locked (packaging/spectrum/etc/s6-rc/spectrum-firstboot-unlock).

export const DEFAULT_ATTEMPTS = 5;
export const DEFAULT_DELAY_BASE_MS = 2000;
export const MAX_DELAY_MS = 30_000;

/** The wait after the `failures`-th wrong try (1-based): base, 2×base, 4×base, … up to MAX_DELAY_MS. */
export function delayAfter(failures: number, baseMs: number = DEFAULT_DELAY_BASE_MS): number {
  if (failures < 1 || baseMs <= 0) return 0;
  return Math.min(baseMs * 2 ** (failures - 1), MAX_DELAY_MS);
}
