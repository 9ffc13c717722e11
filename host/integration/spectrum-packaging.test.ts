// packaging/spectrum as far as this machine can check it: the s6-rc source tree is well formed,
// the Nix expressions parse (Debian's nix-bin), and import-user-vms, run for real by execline in a
// mount namespace of its own (/run a fresh tmpfs, vm-import a recorder), registers the user VMs
// that a sandbox install wrote, with storage exactly for the ones that keep their files.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxPrivileged } from '../sandbox/privileges';
import type { TestSandbox } from '../test-support/sandbox-helper';
import { installUserVms } from '../test-support/user-vms-install';

const PACKAGING = path.resolve(__dirname, '../../packaging/spectrum');
const S6RC = path.join(PACKAGING, 'etc', 's6-rc');
/** Upstream services ours depend on (host/rootfs/image/etc/s6-rc). */
const UPSTREAM = new Set(['vmm-env', 'vm-env', 'systemd-udevd-coldplug']);
const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;

describe('packaging/spectrum', () => {
  it('has a well-formed s6-rc source tree', () => {
    const services = readdirSync(S6RC);
    for (const name of services) {
      const dir = path.join(S6RC, name);
      const type = readFileSync(path.join(dir, 'type'), 'utf8').trim();
      expect(['oneshot', 'longrun', 'bundle'], `${name}/type`).toContain(type);
      if (type === 'oneshot') expect(existsSync(path.join(dir, 'up')), `${name}/up`).toBe(true);
      if (type === 'longrun') expect(statSync(path.join(dir, 'run')).mode & 0o111, `${name}/run is executable`).not.toBe(0);
      if (type === 'bundle')
        for (const c of readdirSync(path.join(dir, 'contents.d'))) expect(services, `${name} contains ${c}`).toContain(c);
      if (existsSync(path.join(dir, 'notification-fd'))) expect(readFileSync(path.join(dir, 'notification-fd'), 'utf8')).toMatch(/^\d+\n$/);
      const deps = path.join(dir, 'dependencies.d');
      for (const d of existsSync(deps) ? readdirSync(deps) : [])
        expect(services.includes(d) || UPSTREAM.has(d), `${name} depends on ${d}`).toBe(true);
    }
  });

  it.skipIf(!has('nix-instantiate'))('has Nix expressions that parse', () => {
    for (const f of readdirSync(PACKAGING).filter((f) => f.endsWith('.nix'))) {
      const r = spawnSync('nix-instantiate', ['--parse', path.join(PACKAGING, f)], { encoding: 'utf8' });
      expect(r.status, `${f}: ${r.stderr}`).toBe(0);
    }
  });
});

describe.skipIf(!sandboxPrivileged() || !has('execlineb'))('import-user-vms at a later boot', () => {
  let sb: TestSandbox;
  let mount = '';
  let calls: string[] = [];
  let links: string[] = [];

  beforeAll(async () => {
    ({ sb, mount } = await installUserVms({ apps: ['browser', 'files', 'mail'], transientApps: ['files'] }));
    const stubs = path.join(sb.dir, 'stubs');
    mkdirSync(stubs);
    const log = path.join(sb.dir, 'vm-import.log');
    writeFileSync(path.join(stubs, 'vm-import'), `#!/bin/sh\necho "$*" >> ${log}\n`);
    chmodSync(path.join(stubs, 'vm-import'), 0o755);
    const script = path.join(PACKAGING, 'usr', 'bin', 'import-user-vms');
    // A new boot: /run is empty. Links are listed from inside, before the namespace goes.
    const r = spawnSync(
      'unshare',
      [
        '--mount',
        '--propagation',
        'private',
        'sh',
        '-c',
        `mount -t tmpfs run /run && PATH=${stubs}:$PATH execlineb -S1 ${script} ${mount} && find /run/user-vms -type l -printf '%p -> %l\\n' | sort`,
      ],
      { encoding: 'utf8' },
    );
    expect(r.status, r.stderr).toBe(0);
    calls = readFileSync(log, 'utf8').trim().split('\n').sort();
    links = r.stdout.trim().split('\n');
  }, 120_000);
  afterAll(() => sb?.dispose());

  it('imports each user VM from its own /run definition, with storage only where it keeps its files', () => {
    expect(calls).toEqual(['user /run/user-vms/files', `user /run/user-vms/mail ${mount}/Spectrum/data/spectrum/storage`]);
  });

  it('links kernel and disks to the app VM image, fs and providers to user data', () => {
    expect(links).toEqual([
      `/run/user-vms/files/files/blk -> /usr/lib/spectrum/img/appvm/blk`,
      `/run/user-vms/files/files/fs -> ${mount}/vms/files/fs`,
      `/run/user-vms/files/files/vmlinux -> /usr/lib/spectrum/img/appvm/vmlinux`,
      `/run/user-vms/mail/mail/blk -> /usr/lib/spectrum/img/appvm/blk`,
      `/run/user-vms/mail/mail/fs -> ${mount}/vms/mail/fs`,
      `/run/user-vms/mail/mail/providers -> ${mount}/vms/mail/providers`,
      `/run/user-vms/mail/mail/vmlinux -> /usr/lib/spectrum/img/appvm/vmlinux`,
    ]);
  });
});
