// Secrets typed in scenarios. They are test values, yet treated like real ones: never put in
// an assertion message, and checked to appear in no log or saved state.
export const PASSPHRASE = 'violet tractor umbrella 42';
export const OTHER_PASSPHRASE = 'amber kettle lantern 97';
export const WRONG_PASSPHRASE = 'not the passphrase at all';
export const SIMULATED_PIN = '123456';

/** The simulated security keys the sandbox preview offers (host/fido2/simulated-keys.ts, offered by the sandbox helper). */
export const SIMULATED_KEY = {
  withPin: 'Simulated key (PIN 123456)',
  noPin: 'Simulated key (no PIN)',
  removed: 'Simulated key (removed during enrollment)',
  untouched: 'Simulated key (never touched)',
} as const;
