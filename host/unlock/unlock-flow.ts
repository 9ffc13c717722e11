// The unlock at boot (docs/decisions/080-unlock-at-every-boot.md): find first boot's volume,
// load the keyboard it recorded, then try what was enrolled — the security key, the USB key
// file — and then one prompt for the passphrase or the recovery key, with a few tries and a
// growing wait between them. Once open: mount user data and import the user VMs.
import type { SecurityKeys } from '../fido2/security-keys';
import { unlockMethods, type UnlockMethods } from '../luks/unlock-tokens';
import { promptLines, type UnlockTranslate } from '../../shared/unlock/prompt';
import { recoveryKeyFromTyped } from '../../shared/unlock/typed-key';
import type { StickFiles } from '../usb/stick-files';
import type { StickSource } from '../usb/sticks';
import type { UnlockConsole } from './console';
import { unlockWithFido2 } from './fido2-unlock';
import type { KeymapApplier } from './keymap';
import { unlockTranslator } from './prompt-text';
import type { UnlockSteps } from './unlock-steps';
import { unlockWithUsbKey } from './usb-unlock';
import type { Located } from './volume-locator';
import type { VolumeOpener } from './volume-opener';

export interface UnlockDeps {
  readonly console: UnlockConsole;
  readonly locate: () => Promise<Located>;
  readonly opener: (device: string) => VolumeOpener;
  readonly keymap: KeymapApplier;
  /** Security keys; null where FIDO2 cannot be used at all. */
  readonly securityKeys: SecurityKeys | null;
  readonly sticks: StickSource;
  readonly stickFiles: StickFiles;
  readonly sleep: (ms: number) => Promise<void>;
  /** Typed tries in this run. */
  readonly attempts: number;
  /** The wait after the n-th wrong try. */
  readonly delayMs: (failures: number) => number;
}

/** How a run ended, and the exit code the command line gives it. */
export const UNLOCK_OUTCOMES = {
  opened: 0,
  'not-found': 0,
  'not-finished': 0,
  locked: 1,
  'no-input': 1,
  'mount-failed': 3,
  'import-failed': 3,
  ambiguous: 4,
  error: 4,
} as const;
export type UnlockOutcome = keyof typeof UNLOCK_OUTCOMES;

/** Why there is nothing to open, in English: no header says which language the machine speaks. */
function nothingToOpen(located: Exclude<Located, { kind: 'provisioned' }>, t: UnlockTranslate): [UnlockOutcome, string] {
  switch (located.kind) {
    case 'none':
      return ['not-found', t('unlock:notFound')];
    case 'unfinished':
      return ['not-finished', t('unlock:notFinished')];
    case 'ambiguous':
      return ['ambiguous', t('unlock:ambiguous', { devices: located.devices.join(', ') })];
  }
}

export async function runUnlock(deps: UnlockDeps): Promise<UnlockOutcome> {
  const { console: io } = deps;
  const say = (line: string) => io.say(line);
  const located = await deps.locate();
  if (located.kind !== 'provisioned') {
    const [outcome, message] = nothingToOpen(located, unlockTranslator('en'));
    say(message);
    return outcome;
  }
  const methods = unlockMethods(located.meta);
  const t = unlockTranslator(methods.keyboard?.locale ?? 'en');
  const opener = deps.opener(located.device);
  try {
    if (methods.keyboard) await applyKeymap(deps.keymap, methods.keyboard.keymap, t, say);
    if (!(await opener.isOpen())) {
      const opened = await openVolume(deps, opener, methods, t);
      if (opened !== 'opened') return opened;
    }
    say(t(opener.testOnly ? 'unlock:openedSandbox' : 'unlock:opened'));
    return await afterOpen(opener, t, say);
  } catch (e) {
    say(t('unlock:error', { reason: (e as Error).message }));
    return 'error';
  }
}

async function applyKeymap(keymap: KeymapApplier, name: string, t: UnlockTranslate, say: (line: string) => void): Promise<void> {
  const applied = await keymap.apply(name);
  if (!applied.ran) say(t('unlock:keyboardSandbox', { keymap: name, command: applied.command }));
  else say(applied.ok ? t('unlock:keyboard', { keymap: name }) : t('unlock:keyboardFailed', { keymap: name }));
}

async function openVolume(
  deps: UnlockDeps,
  opener: VolumeOpener,
  methods: UnlockMethods,
  t: UnlockTranslate,
): Promise<'opened' | 'locked' | 'no-input'> {
  const steps: UnlockSteps = {
    t,
    say: (line) => deps.console.say(line),
    readSecret: (label) => deps.console.readSecret(label),
    async tryKeyOnSlots(key, slots) {
      for (const slot of slots ?? [undefined]) {
        if ((await opener.tryKey(key, slot)) === 'opened') return true;
      }
      return false;
    },
  };
  if (deps.securityKeys) {
    for (const token of methods.fido2) if (await unlockWithFido2(steps, deps.securityKeys, token)) return 'opened';
  }
  for (const token of methods.usbKeys) if (await unlockWithUsbKey(steps, deps.sticks, deps.stickFiles, token)) return 'opened';
  return promptForKey(deps, steps, methods);
}

/** The one prompt: a passphrase, or the recovery key recognised by its form. */
async function promptForKey(deps: UnlockDeps, steps: UnlockSteps, methods: UnlockMethods): Promise<'opened' | 'locked' | 'no-input'> {
  const { t, say } = steps;
  const typed = { passphrase: methods.passphraseSlots.length > 0, recoveryKey: methods.recoverySlots.length > 0 };
  if (!typed.passphrase && !typed.recoveryKey) {
    say(t('unlock:gaveUp', { attempts: 0 }));
    return 'locked';
  }
  const lines = promptLines(t, typed);
  const label = lines.pop()!;
  for (const line of lines) say(line);
  for (let failures = 0; failures < deps.attempts;) {
    const answer = await steps.readSecret(label);
    if (answer === null) {
      say(t('unlock:noInput'));
      return 'no-input';
    }
    say(t('unlock:checking'));
    try {
      if (await tryTyped(steps, methods, answer)) return 'opened';
    } finally {
      answer.fill(0);
    }
    failures++;
    const left = deps.attempts - failures;
    if (left === 0) break;
    say(t('unlock:wrong', { left }));
    const wait = deps.delayMs(failures);
    if (wait > 0) {
      say(t('unlock:wait', { seconds: Math.ceil(wait / 1000) }));
      await deps.sleep(wait);
    }
  }
  say(t('unlock:gaveUp', { attempts: deps.attempts }));
  return 'locked';
}

/** A recovery key (by its form) on the recovery keyslots, else the text as typed on the rest. */
async function tryTyped(steps: UnlockSteps, methods: UnlockMethods, answer: Buffer): Promise<boolean> {
  if (answer.length === 0) return false;
  if (methods.recoverySlots.length > 0) {
    const recovery = recoveryKeyFromTyped(answer);
    if (recovery) {
      try {
        if (await steps.tryKeyOnSlots(recovery, methods.recoverySlots)) return true;
      } finally {
        recovery.fill(0);
      }
    }
  }
  return methods.passphraseSlots.length > 0 && steps.tryKeyOnSlots(answer, methods.passphraseSlots);
}

async function afterOpen(opener: VolumeOpener, t: UnlockTranslate, say: (line: string) => void): Promise<UnlockOutcome> {
  if (opener.testOnly) {
    say(t('unlock:sandboxNoMount'));
    return 'opened';
  }
  let mount: string;
  try {
    mount = await opener.mount();
  } catch (e) {
    say(t('unlock:mountFailed', { reason: (e as Error).message }));
    return 'mount-failed';
  }
  say(t('unlock:mounted', { path: mount }));
  try {
    await opener.importVms(mount);
  } catch (e) {
    say(t('unlock:importFailed', { reason: (e as Error).message }));
    return 'import-failed';
  }
  say(t('unlock:imported'));
  return 'opened';
}
