// Screen-reader announcements at a limited rate: the first message goes out at once, later ones
// wait until `intervalMs` has passed since the last, and only the newest waiting one is spoken.

export interface ThrottleTimers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export function createThrottledAnnouncer(say: (message: string) => void, intervalMs: number, timers: ThrottleTimers) {
  let lastAt = -Infinity;
  let waiting: string | null = null;
  let handle: unknown = null;
  let lastSaid: string | null = null;

  const speak = (message: string) => {
    lastAt = timers.now();
    lastSaid = message;
    say(message);
  };

  return {
    announce(message: string) {
      if (message === lastSaid && waiting === null) return;
      const wait = lastAt + intervalMs - timers.now();
      if (wait <= 0 && handle === null) {
        speak(message);
        return;
      }
      waiting = message;
      if (handle === null) {
        handle = timers.setTimeout(
          () => {
            handle = null;
            const m = waiting;
            waiting = null;
            if (m !== null && m !== lastSaid) speak(m);
          },
          Math.max(0, wait),
        );
      }
    },
    /** Says a message now, whatever the rate (the end of the install). */
    announceNow(message: string) {
      if (handle !== null) timers.clearTimeout(handle);
      handle = null;
      waiting = null;
      speak(message);
    },
    dispose() {
      if (handle !== null) timers.clearTimeout(handle);
      handle = null;
    },
  };
}
