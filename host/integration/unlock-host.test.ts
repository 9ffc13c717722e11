// The unlock as it runs on a Spectrum host: the commands it runs, in order. The executor records every command and answers for what this machine lacks
// (device-mapper, Spectrum's mount-userdata and vm-import, a console for loadkeys); the key
// check itself is real cryptsetup on an image the real helper provisioned.
import { randomBytes } from 'node:crypto';
import { readdirSync, readlinkSync, rmSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatRecoveryKey } from '../../shared/plan/recovery-key';
import { ProcessExecutor, type CommandResult, type CommandSpec, type Executor } from '../exec/executor';
import { consoleKeymap } from '../spectrum/locale-names';
import { LineConsole } from '../unlock/console';
import { LoadkeysApplier } from '../unlock/keymap';
import { runUnlock } from '../unlock/unlock-flow';
import { locateVolume } from '../unlock/volume-locator';
import { CryptsetupOpener } from '../unlock/volume-opener';
import { HelperClient } from '../test-support/helper-client';
import { makePlan } from '../test-support/plan-maker';
import { startSandbox, type TestSandbox } from '../test-support/sandbox-helper';
import { userDataMount } from '../test-support/user-data-mount';

const PASSPHRASE = 'open me on the host';
const RECOVERY = formatRecoveryKey(randomBytes(32));
/** An app VM chosen to start fresh each time: registered without storage. */
const FRESH = 'files';

class HostTools implements Executor {
  readonly calls: { line: string; stdin: string }[] = [];
  private readonly real = new ProcessExecutor();
  /** What mount-userdata prints: where the sandbox's user data is mounted, as a host path. */
  mountPath = '';

  async run(spec: CommandSpec): Promise<CommandResult> {
    const line = [spec.command, ...spec.args].join(' ');
    this.calls.push({ line, stdin: spec.stdin ? Buffer.from(spec.stdin).toString('utf8') : '' });
    const answer = (exitCode: number, stdout = ''): CommandResult => ({ exitCode, signal: null, stdout, stderr: '', durationMs: 1 });
    if (spec.command === 'cryptsetup' && spec.args[0] === 'status') return answer(4);
    if (spec.command === 'cryptsetup' && spec.args[0] === 'open') {
      // No device-mapper here: check the key for real, as `open` would, without mapping.
      const device = spec.args.at(-2)!;
      const slot = spec.args.includes('--key-slot') ? ['--key-slot', spec.args[spec.args.indexOf('--key-slot') + 1]!] : [];
      return this.real.run({
        command: 'cryptsetup',
        args: ['open', '--test-passphrase', '--key-file', '-', ...slot, device],
        stdin: spec.stdin,
      });
    }
    if (spec.command === 'loadkeys') return answer(0);
    if (spec.command === 'mount-userdata') return answer(0, `${this.mountPath}\n`);
    if (spec.command === 'vm-import') return answer(0);
    return this.real.run(spec);
  }
}

describe('the unlock on a Spectrum host', () => {
  let sb: TestSandbox;
  const tools = new HostTools();
  let printed = '';
  let outcome: string;
  let mediaPath = '';
  const hostRoot = () => path.join(sb.dir, 'root');

  beforeAll(async () => {
    sb = await startSandbox();
    const { client, hello } = await HelperClient.open(sb.helper.socketPath);
    client.send(
      (
        await makePlan({
          hello,
          signer: sb.signer,
          choices: { locale: 'de', keyboard: { layout: 'de', variant: 'nodeadkeys' }, transientApps: [FRESH] },
          secrets: { passphrase: PASSPHRASE, recoveryKey: RECOVERY },
        })
      ).frame,
    );
    expect((await client.untilEnd()).at(-1)).toMatchObject({ type: 'result', ok: true });
    client.close();

    const exec = tools;
    const input = new PassThrough();
    const output = new PassThrough();
    output.on('data', (d: Buffer) => (printed += d.toString('utf8')));
    input.end(`wrong one\n${PASSPHRASE}\n`);
    const image = path.join(sb.dir, 'userdata.img');
    // The next boot: /run is empty again (a tmpfs), user data as first boot left it.
    rmSync(path.join(sb.dir, 'root', 'run'), { recursive: true, force: true });
    mediaPath = `/media/${path.basename(userDataMount(sb.dir))}`;
    tools.mountPath = mediaPath;
    outcome = await runUnlock({
      console: new LineConsole(input, output),
      locate: () => locateVolume(exec, [image]),
      opener: (device) => new CryptsetupOpener(exec, { device, name: 'userdata', testOnly: false, root: hostRoot() }),
      keymap: new LoadkeysApplier(exec, 'loadkeys', false),
      securityKeys: null,
      sticks: { list: async () => [] },
      stickFiles: { read: async () => null, write: async () => undefined },
      sleep: async () => undefined,
      attempts: 3,
      delayMs: () => 0,
    });
  }, 120_000);
  afterAll(() => sb.dispose());

  it('opens, mounts and registers each user VM from its per-boot definition, in that order', () => {
    expect(outcome).toBe('opened');
    const lines = tools.calls.map((c) => c.line);
    const image = path.join(sb.dir, 'userdata.img');
    const runVms = path.join(hostRoot(), 'run', 'user-vms');
    const storage = path.join(hostRoot(), mediaPath, 'Spectrum', 'data', 'spectrum', 'storage');
    const apps = readdirSync(path.join(hostRoot(), mediaPath, 'vms')).sort();
    expect(apps).toContain(FRESH);
    const order = [
      `loadkeys -q -- ${consoleKeymap('de', 'nodeadkeys')}`,
      `cryptsetup open --type luks2 --key-file - --key-slot 0 ${image} userdata`,
      'mount-userdata /dev/mapper/userdata',
      // An app VM keeps its files (the default) with the storage folder; the fresh one without.
      ...apps.map((app) => `vm-import user ${path.join(runVms, app)}${app === FRESH ? '' : ` ${storage}`}`),
    ];
    const at = order.map((l) => lines.lastIndexOf(l));
    expect(
      at.every((i) => i >= 0),
      JSON.stringify(lines, null, 1),
    ).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // The definitions start under the nosymfollow mount: kernel and disks from the host image.
    for (const app of apps) {
      expect(readlinkSync(path.join(runVms, app, app, 'vmlinux'))).toBe(path.join(hostRoot(), 'usr/lib/spectrum/img/appvm/vmlinux'));
      expect(readlinkSync(path.join(runVms, app, app, 'fs'))).toBe(path.join(hostRoot(), mediaPath, 'vms', app, 'fs'));
    }
    expect(printed).toContain('Entsperrt.');
    expect(printed).toContain(`Ihre Daten liegen unter ${mediaPath}.`);
    expect(printed).toContain('Ihre VMs sind bereit.');
  });

  it('hands keys to cryptsetup on stdin only', () => {
    for (const c of tools.calls) {
      expect(c.line).not.toContain(PASSPHRASE);
      expect(c.line).not.toContain('wrong one');
    }
    expect(tools.calls.filter((c) => c.line.includes(' open ')).map((c) => c.stdin)).toContain(PASSPHRASE);
    expect(printed).not.toContain(PASSPHRASE);
  });
});
