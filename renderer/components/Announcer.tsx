// One polite live region for the whole app; announcements go through a throttle so a screen
// reader is not flooded while steps fly by.
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { createThrottledAnnouncer } from '../app/throttle';

interface AnnouncerApi {
  announce(message: string): void;
  announceNow(message: string): void;
}

const AnnouncerContext = createContext<AnnouncerApi>({ announce() {}, announceNow() {} });

export const ANNOUNCE_INTERVAL_MS = 10_000;

export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState('');
  const throttled = useMemo(
    () =>
      createThrottledAnnouncer(setMessage, ANNOUNCE_INTERVAL_MS, {
        now: () => Date.now(),
        setTimeout: (fn, ms) => window.setTimeout(fn, ms),
        clearTimeout: (h) => window.clearTimeout(h as number),
      }),
    [],
  );
  useEffect(() => () => throttled.dispose(), [throttled]);
  return (
    <AnnouncerContext.Provider value={throttled}>
      {children}
      <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {message}
      </div>
    </AnnouncerContext.Provider>
  );
}

export function useAnnouncer(): AnnouncerApi {
  return useContext(AnnouncerContext);
}
