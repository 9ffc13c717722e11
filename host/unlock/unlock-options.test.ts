// The unlock program's command line: its tools come from a tool path as the helper's do
// (ADR 062, ADR 083), host-only switches are refused with --sandbox, and bad values say why.
import { describe, expect, it } from 'vitest';
import { UnlockUsageError, parseUnlockArgs } from './unlock-options';

describe('parseUnlockArgs', () => {
  it('reads the host form with a tool path', () => {
    expect(
      parseUnlockArgs(['--part-label', 'userdata', '--tool-path', '/opt/spectrum/bin:/usr/bin', '--fido2-tools-dir', '/opt/fido2']),
    ).toMatchObject({
      kind: 'run',
      options: { partLabel: 'userdata', toolPath: ['/opt/spectrum/bin', '/usr/bin'], fido2ToolsDir: '/opt/fido2', name: 'userdata' },
    });
  });

  it('leaves the tool path to its default when none is given', () => {
    expect(parseUnlockArgs(['--sandbox', '/tmp/s'])).toMatchObject({ kind: 'run', options: { sandbox: '/tmp/s', toolPath: undefined } });
  });

  it.each([
    [['--tool-path', 'bin:/usr/bin'], /--tool-path "bin" is not an absolute folder/],
    [['--fido2-tools-dir', 'fido2'], /--fido2-tools-dir "fido2" is not an absolute folder/],
    [['--sandbox', '/tmp/s', '--tool-path', '/usr/bin'], /--tool-path cannot be combined with --sandbox/],
    [['--tool', 'cryptsetup=/opt/cryptsetup'], /tool/],
  ])('refuses %j', (args, message) => {
    expect(() => parseUnlockArgs(args)).toThrow(UnlockUsageError);
    expect(() => parseUnlockArgs(args)).toThrow(message);
  });
});
