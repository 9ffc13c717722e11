import { describe, expect, it } from 'vitest';
import { OptionsError } from '../options';
import { parseArgs } from './parse-args';

describe('parseArgs', () => {
  it('reads the sandbox form with repeated switches and --flag=value', () => {
    expect(
      parseArgs([
        '--sandbox',
        '/tmp/s',
        '--fast-kdf',
        '--fail-step',
        'receipt:2',
        '--fail-step=userdata-format:1',
        '--slow-step',
        'vm-import:1500',
        '--userdata-bytes',
        '1073741824',
        '--idle-timeout-ms=500',
        '--catalog',
        'c.json',
      ]),
    ).toEqual({
      kind: 'run',
      options: expect.objectContaining({
        sandbox: '/tmp/s',
        fastKdf: true,
        failSteps: [
          { step: 'receipt', count: 2 },
          { step: 'userdata-format', count: 1 },
        ],
        slowSteps: [{ step: 'vm-import', ms: 1500 }],
        userDataBytes: 1073741824,
        idleTimeoutMs: 500,
        catalogFile: 'c.json',
      }),
    });
  });

  it('reads the production form', () => {
    const parsed = parseArgs([
      '--listen',
      '/run/vsock/fb/vsock_5219',
      '--target',
      '/dev/vda3',
      '--state-dir',
      '/run/fb',
      '--key-out',
      '/run/fb/config',
      '--trusted-keys',
      '/etc/keys',
    ]);
    expect(parsed).toMatchObject({
      kind: 'run',
      options: { listen: '/run/vsock/fb/vsock_5219', target: '/dev/vda3', trustedKeysDir: '/etc/keys' },
    });
  });

  it('reads the tool path and the connection lifetime in either form', () => {
    const parsed = parseArgs(['--sandbox', '/tmp/s', '--tool-path', '/opt/tools:/usr/bin', '--connection-lifetime-ms=60000']);
    expect(parsed).toMatchObject({ kind: 'run', options: { toolPath: ['/opt/tools', '/usr/bin'], connectionLifetimeMs: 60000 } });
  });

  it('reads --vm with socket owner and group instead of --listen', () => {
    const parsed = parseArgs([
      '--vm',
      'sys.firstboot',
      '--socket-owner',
      'vmm-abc',
      '--socket-group',
      '0',
      '--target',
      '/dev/vda',
      '--state-dir',
      '/run/fb',
      '--key-out',
      '/run/fb/config',
    ]);
    expect(parsed).toMatchObject({
      kind: 'run',
      options: { vm: 'sys.firstboot', socketOwner: 'vmm-abc', socketGroup: '0', target: '/dev/vda' },
    });
  });

  it("reads the security-key switches: simulated keys to offer, and where libfido2's tools are", () => {
    const parsed = parseArgs(['--sandbox', '/tmp/s', '--simulated-fido2-keys', 'no-pin,pin', '--fido2-tools-dir', '/opt/fido2']);
    expect(parsed).toMatchObject({ kind: 'run', options: { simulatedFido2Keys: ['no-pin', 'pin'], fido2ToolsDir: '/opt/fido2' } });
  });

  it('answers --help', () => {
    expect(parseArgs(['--sandbox', 'x', '--help'])).toEqual({ kind: 'help' });
  });

  it.each([
    [['--sandbox', 'x', '--sandbox', 'y'], /given twice/],
    [['--sandbox', 'x', '--fail-step', 'receipt:0'], /at least 1/],
    [['--sandbox', 'x', '--slow-step', 'receipt:999999999'], /at most/],
    [['--sandbox', 'x', '--root', '/'], /cannot be combined/],
    [['--sandbox', 'x', '--tool-path', 'bin:/usr/bin'], /--tool-path "bin" is not an absolute folder/],
    [['--sandbox', 'x', '--tool-path', '/usr/bin::/bin'], /--tool-path "" is not an absolute folder/],
    [['--sandbox', 'x', '--connection-lifetime-ms', '0'], /--connection-lifetime-ms must be/],
    [['--sandbox', 'x', '--vm', 'sys.firstboot'], /cannot be combined/],
    [['--vm', 'a', '--listen', '/x_5219', '--target', 't', '--state-dir', 's', '--key-out', 'k'], /--listen and --vm/],
    [['--target', 't', '--state-dir', 's', '--key-out', 'k'], /missing --listen \(or --vm\)/],
    [['--sandbox', 'x', '--simulated-fido2-keys', 'no-pin,gold'], /--simulated-fido2-keys takes names from .*, not "gold"/],
    [['--sandbox', 'x', '--simulated-fido2-keys', 'no-pin', '--no-simulated-keys'], /cannot be combined with --no-simulated-keys/],
    [
      ['--listen', '/r/vsock_5219', '--target', '/dev/x', '--state-dir', '/s', '--key-out', '/k', '--simulated-fido2-keys', 'pin'],
      /sandbox-only/,
    ],
    [['--sandbox', 'x', '--fido2-tools-dir', 'tools'], /--fido2-tools-dir "tools" is not an absolute folder/],
  ])('refuses %j', (args, message) => {
    expect(() => parseArgs(args)).toThrow(OptionsError);
    expect(() => parseArgs(args)).toThrow(message);
  });
});
