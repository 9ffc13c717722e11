// The main process's configuration, from argv and the environment (argv wins). One shape for
// Electron and the browser preview:
//
//   --socket PATH        the helper's Unix socket (sandbox, development); else vsock 2:5219
//   --signing-key PATH   the wizard's Ed25519 key (PKCS#8 PEM); default DEFAULT_SIGNING_KEY_PATH
//   --state-dir DIR      where the resumable wizard state is kept
//   --export-dir DIR     where log.export writes (default: <state dir>/exports)
//   --dev                a normal window with developer tools (Electron)
//   --sandbox            the helper runs in its sandbox; enables test-only switches
//   --simulated-fido2    the sandbox helper may offer simulated security keys (it makes and
//                        chooses them: its --simulated-fido2-keys); honoured only with --sandbox
//
// Environment: SPECTRUM_FIRSTBOOT_SOCKET, SPECTRUM_FIRSTBOOT_SIGNING_KEY,
// SPECTRUM_FIRSTBOOT_STATE_DIR, SPECTRUM_FIRSTBOOT_EXPORT_DIR (paths only; switches that
// lower security are never taken from the environment).
import path from 'node:path';
import { flag, option, readArgs, type ReadArgs, type Values } from '../../shared-node/cli/options';

/**
 * Where the first-boot VM finds its signing key: Spectrum mounts the virtiofs tag `host` at /host
 * in the VM, and /host/config is the VM definition's read-only `fs/` folder, where the helper
 * writes firstboot/signing-key.pem. See docs/decisions/023-signing-key-location.md and ADR 073.
 */
export const DEFAULT_SIGNING_KEY_PATH = '/host/config/firstboot/signing-key.pem';

export type TransportConfig = { readonly kind: 'unix'; readonly path: string } | { readonly kind: 'vsock' };

export interface WizardConfig {
  readonly transport: TransportConfig;
  readonly signingKeyPath: string;
  readonly stateDir: string;
  readonly exportDir: string;
  readonly dev: boolean;
  readonly sandbox: boolean;
  /** Effective: requested and allowed (sandbox only). */
  readonly simulatedFido2: boolean;
}

/** The options both the Electron app and the browser preview take (the table of the comment above). */
export const CONFIG_OPTIONS = {
  socket: option('PATH', "the helper's Unix socket (sandbox, development); else vsock 2:5219"),
  'signing-key': option('PATH', `the wizard's Ed25519 key, PKCS#8 PEM (default ${DEFAULT_SIGNING_KEY_PATH})`),
  'state-dir': option('DIR', 'where the resumable wizard state is kept'),
  'export-dir': option('DIR', 'where log.export writes (default: <state dir>/exports)'),
  dev: flag('a normal window with developer tools (Electron)'),
  sandbox: flag('the helper runs in its sandbox; enables test-only switches'),
  'simulated-fido2': flag('with --sandbox: the helper may offer simulated security keys'),
};

export type ConfigValues = Values<typeof CONFIG_OPTIONS>;

export interface ConfigResult {
  readonly config: WizardConfig;
  readonly warnings: readonly string[];
}

export function resolveConfig(values: ConfigValues, env: NodeJS.ProcessEnv, defaults: { stateDir: string }): ConfigResult {
  const warnings: string[] = [];
  const pick = (name: 'socket' | 'signing-key' | 'state-dir' | 'export-dir', envName: string) =>
    values[name] ?? (env[envName] || undefined);
  const socket = pick('socket', 'SPECTRUM_FIRSTBOOT_SOCKET');
  const stateDir = path.resolve(pick('state-dir', 'SPECTRUM_FIRSTBOOT_STATE_DIR') ?? defaults.stateDir);
  const sandbox = values.sandbox;
  const wantsSimulated = values['simulated-fido2'];
  if (wantsSimulated && !sandbox) warnings.push('--simulated-fido2 is ignored without --sandbox');
  return {
    warnings,
    config: {
      transport: socket ? { kind: 'unix', path: path.resolve(socket) } : { kind: 'vsock' },
      signingKeyPath: path.resolve(pick('signing-key', 'SPECTRUM_FIRSTBOOT_SIGNING_KEY') ?? DEFAULT_SIGNING_KEY_PATH),
      stateDir,
      exportDir: path.resolve(pick('export-dir', 'SPECTRUM_FIRSTBOOT_EXPORT_DIR') ?? path.join(stateDir, 'exports')),
      dev: values.dev,
      sandbox,
      simulatedFido2: wantsSimulated && sandbox,
    },
  };
}

export function configFromArgv(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  defaults: { stateDir: string },
): ConfigResult & { args: ReadArgs<typeof CONFIG_OPTIONS> } {
  // Electron's argv holds Chromium's switches and the app's path too: passed through, not judged.
  const args = readArgs(argv, CONFIG_OPTIONS, { passThrough: true });
  return { ...resolveConfig(args.values, env, defaults), args };
}
