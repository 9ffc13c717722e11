// The end state a finished install must leave in the sandbox, checked against the choices made
// in the wizard, the way an administrator would look: the plan the helper received (from the
// receipt), the LUKS2 header through cryptsetup, the files on the user-data volume. And that no
// secret ended up in a log or in the wizard's saved state.
import { expect } from '@playwright/test';
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { configFile, luksMetadata, opensWith, receipt, receivedPlan, tokensOfType, vmDirectories } from './sandbox-state';
import type { Profile } from './catalog-names';
import { WRONG_PASSPHRASE } from './secrets';

export interface ExpectedInstall {
  readonly profile: Profile;
  /** App VM ids, in any order. */
  readonly apps: readonly string[];
  readonly locale: string;
  readonly keyboard: { readonly layout: string; readonly variant: string };
  readonly encryption:
    | { readonly method: 'passphrase'; readonly passphrase: string }
    | { readonly method: 'fido2'; readonly pinRequired: boolean }
    | { readonly method: 'usb-key' };
  /** The recovery key as read from the wizard, or null when none was made. */
  readonly recoveryKey: string | null;
  readonly accessibility?: {
    readonly highContrast: boolean;
    readonly largeText: boolean;
    readonly reduceMotion: boolean;
    readonly screenReader: boolean;
  };
}

export interface ProvisionedCheck {
  /** The sandbox folder. */
  readonly sandboxDir: string;
  /** The wizard's state folder: what it saved must hold no secret. */
  readonly wizardStateDir?: string;
}

const SYSTEM_VMS = ['netvm', 'guivm', 'usbvm'];

/**
 * Whether the sandbox's host ships an app as a built-in VM: the sandbox writes a payload under
 * root/usr/lib/spectrum/img/apps/ for every app of the catalog that it does not ship built in.
 */
function builtInApp(sandboxDir: string, id: string): boolean {
  return !existsSync(path.join(sandboxDir, 'root', 'usr', 'lib', 'spectrum', 'img', 'apps', id));
}

export function expectProvisioned({ sandboxDir, wizardStateDir }: ProvisionedCheck, expected: ExpectedInstall): void {
  expectReceivedPlan(sandboxDir, expected);
  expectLuksHeader(sandboxDir, expected);
  expectUnlocking(sandboxDir, expected);
  const written = expected.apps.filter((id) => !builtInApp(sandboxDir, id));
  expect(vmDirectories(sandboxDir), 'one VM folder per chosen app VM that is not built in, and no other').toEqual([...written].sort());
  expectSystemConfig(sandboxDir, expected);
  expectNoSecretsLeft(sandboxDir, wizardStateDir, expected);
}

function expectReceivedPlan(dir: string, e: ExpectedInstall): void {
  const plan = receivedPlan(dir);
  expect(plan.profile, 'profile in the plan the helper received').toBe(e.profile);
  expect([...plan.vms.apps].sort(), 'app VMs in the plan').toEqual([...e.apps].sort());
  expect([...plan.vms.system].sort(), 'system VMs in the plan').toEqual([...SYSTEM_VMS].sort());
  expect(plan.locale, 'locale in the plan').toBe(e.locale);
  expect(plan.keyboard, 'keyboard in the plan').toEqual(e.keyboard);
  expect(plan.encryption.method, 'encryption method in the plan').toBe(e.encryption.method);
  expect(plan.encryption.recoveryKey, 'whether the plan asks for a recovery key').toBe(e.recoveryKey !== null);
  if (e.accessibility) expect(plan.accessibility, 'accessibility in the plan').toEqual(e.accessibility);
  const unfinished = receipt(dir).steps.filter((s) => s.state !== 'done' && s.state !== 'skipped');
  expect(unfinished, 'every step of the receipt is done or skipped').toEqual([]);
}

function expectLuksHeader(dir: string, e: ExpectedInstall): void {
  const firstboot = tokensOfType(dir, 'spectrum-firstboot');
  expect(firstboot, 'one spectrum-firstboot token').toHaveLength(1);
  expect(firstboot[0]!.completedAt, 'the spectrum-firstboot token records completion').toEqual(expect.any(String));
  expect(firstboot[0]!.installId, 'the token names the installation of the receipt').toBe(receipt(dir).installId);
  expect(tokensOfType(dir, 'systemd-recovery'), 'a systemd-recovery token exactly when a recovery key was made').toHaveLength(
    e.recoveryKey ? 1 : 0,
  );
  const fido2 = tokensOfType(dir, 'systemd-fido2');
  expect(fido2, 'a systemd-fido2 token exactly with a security key').toHaveLength(e.encryption.method === 'fido2' ? 1 : 0);
  if (e.encryption.method === 'fido2') {
    expect(fido2[0]!['fido2-clientPin-required'], 'the token asks for the PIN exactly when the key has one').toBe(e.encryption.pinRequired);
    expect(fido2[0]!.keyslots, 'the FIDO2 token unlocks keyslot 0').toEqual(['0']);
  }
  expect(
    tokensOfType(dir, 'spectrum-usb-key').map((t) => t.keyslots),
    'a spectrum-usb-key token for keyslot 0 exactly with a USB key',
  ).toEqual(e.encryption.method === 'usb-key' ? [['0']] : []);
  const keyboard = tokensOfType(dir, 'spectrum-keyboard');
  expect(
    keyboard.map((t) => [t.xkbLayout, t.xkbVariant]),
    'the unlock prompt keyboard token',
  ).toEqual([[e.keyboard.layout, e.keyboard.variant]]);
  const keyslots = Object.keys(luksMetadata(dir).keyslots).sort();
  expect(keyslots, 'keyslot 0, plus keyslot 1 for the recovery key').toEqual(e.recoveryKey ? ['0', '1'] : ['0']);
}

function expectUnlocking(dir: string, e: ExpectedInstall): void {
  if (e.encryption.method === 'passphrase') {
    expect(opensWith(dir, e.encryption.passphrase), 'the typed passphrase opens the user data').toBe(true);
  }
  expect(opensWith(dir, WRONG_PASSPHRASE), 'a wrong passphrase does not open the user data').toBe(false);
  if (e.recoveryKey) expect(opensWith(dir, e.recoveryKey), 'the recovery key shown in the wizard opens the user data').toBe(true);
}

function expectSystemConfig(dir: string, e: ExpectedInstall): void {
  const layout = `XKB_DEFAULT_LAYOUT=${e.keyboard.layout}`;
  expect(configFile(dir, 'xkb.conf').split('\n'), 'xkb.conf names the chosen layout').toContain(layout);
  expect(configFile(dir, 'locale.conf'), 'locale.conf records the chosen language').toContain(`# BCP 47: ${e.locale}`);
  if (e.accessibility) expect(JSON.parse(configFile(dir, 'accessibility.json')), 'accessibility.json').toEqual(e.accessibility);
}

/** Every regular file under `dir`, recursively, but the disk image. */
function plainFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => path.join(dir, f))
    .filter((f) => !f.endsWith('.img') && lstatSync(f).isFile());
}

/** A file's text; empty when it went away meanwhile (the wizard saves through temporary files). */
function readIfThere(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw e;
  }
}

function expectNoSecretsLeft(dir: string, wizardStateDir: string | undefined, e: ExpectedInstall): void {
  const secrets = [e.encryption.method === 'passphrase' ? e.encryption.passphrase : null, e.recoveryKey].filter(
    (s): s is string => s !== null,
  );
  // The helper's journal and log, the user-data files, and the wizard's saved state and exports.
  const files = [...plainFiles(dir), ...(wizardStateDir && !wizardStateDir.startsWith(dir) ? plainFiles(wizardStateDir) : [])];
  const leaks = files.filter((f) => secrets.some((s) => readIfThere(f).includes(s)));
  expect(leaks, 'no log, journal, file on the volume or saved wizard state holds a secret').toEqual([]);
}
