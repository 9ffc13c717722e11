import { describe, expect, it } from 'vitest';
import { CONFIG_OPTIONS, DEFAULT_SIGNING_KEY_PATH, configFromArgv } from './config';
import { readArgs } from '../../shared-node/cli/options';

const defaults = { stateDir: '/var/lib/wizard' };

describe('configuration', () => {
  it('defaults to vsock and the documented signing key path', () => {
    const { config, warnings } = configFromArgv([], {}, defaults);
    expect(config).toEqual({
      transport: { kind: 'vsock' },
      signingKeyPath: DEFAULT_SIGNING_KEY_PATH,
      stateDir: '/var/lib/wizard',
      exportDir: '/var/lib/wizard/exports',
      dev: false,
      sandbox: false,
      simulatedFido2: false,
    });
    expect(warnings).toEqual([]);
  });

  it('takes paths from argv, in both spellings, over the environment', () => {
    const env = {
      SPECTRUM_FIRSTBOOT_SOCKET: '/env/sock',
      SPECTRUM_FIRSTBOOT_SIGNING_KEY: '/env/key.pem',
      SPECTRUM_FIRSTBOOT_STATE_DIR: '/env/state',
    };
    expect(configFromArgv([], env, defaults).config).toMatchObject({
      transport: { kind: 'unix', path: '/env/sock' },
      signingKeyPath: '/env/key.pem',
      stateDir: '/env/state',
    });
    const { config } = configFromArgv(
      ['/app', '--socket', '/a/vsock_5219', '--signing-key=/a/key.pem', '--state-dir', '/a/state', '--dev'],
      env,
      defaults,
    );
    expect(config).toMatchObject({
      transport: { kind: 'unix', path: '/a/vsock_5219' },
      signingKeyPath: '/a/key.pem',
      stateDir: '/a/state',
      exportDir: '/a/state/exports',
      dev: true,
    });
  });

  it('honours --simulated-fido2 only with --sandbox, and never from the environment', () => {
    const alone = configFromArgv(['--simulated-fido2'], { SPECTRUM_FIRSTBOOT_SANDBOX: '1' }, defaults);
    expect(alone.config.simulatedFido2).toBe(false);
    expect(alone.warnings).toEqual(['--simulated-fido2 is ignored without --sandbox']);
    expect(configFromArgv(['--sandbox', '--simulated-fido2'], {}, defaults).config).toMatchObject({ sandbox: true, simulatedFido2: true });
  });

  it('passes Chromium switches through as unknown and reports missing values', () => {
    const { args } = configFromArgv(['--no-sandbox', '--socket', '--enable-logging=stderr', 'x'], {}, defaults);
    expect(args.unknown).toEqual(['--no-sandbox', '--enable-logging=stderr', 'x']);
    expect(args.problems).toEqual(['--socket needs a value (PATH)']);
    const read = (argv: string[]) => readArgs(argv, CONFIG_OPTIONS, { passThrough: true }).problems;
    expect(read(['--socket'])).toEqual(['--socket needs a value (PATH)']);
    expect(read(['--dev=yes'])).toEqual(['--dev takes no value']);
  });
});
