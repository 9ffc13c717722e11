// The user VMs a sandbox install leaves can start on Spectrum: user data is a btrfs loop mount with
// mount-userdata's options (nosymfollow among them), owned by `fs` (uid 1000), and every kernel and
// disk that start-vmm hands cloud-hypervisor (`/run/vm/by-id/<id>/config/vmlinux`, `blk/*.img`)
// opens, as do the files the VM reads from its folder on user data. Needs root and loop devices:
// without them it says so and skips (the other sandbox tests still run every step).
import { closeSync, lstatSync, type Stats, openSync, readFileSync, readdirSync, readlinkSync, symlinkSync, unlinkSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { standInContent } from '../sandbox/host-root';
import { sandboxPrivileged } from '../sandbox/privileges';
import type { Received } from '../test-support/helper-client';
import type { TestSandbox } from '../test-support/sandbox-helper';
import { clearImagePath } from '../test-support/user-data-mount';
import { installUserVms } from '../test-support/user-vms-install';

const privileged = sandboxPrivileged();
if (!privileged) console.warn('vms-start-under-nosymfollow: skipped, it needs root and loop devices (/dev/loop-control)');

// browser is built in (sys.appvm-firefox): nothing is written for it; the others are user VMs.
const APPS = ['mail', 'files', 'chat'];
const CHOSEN = ['browser', ...APPS];
const TRANSIENT = ['files'];

type Entry = readonly [string, Stats];

/** Every entry under `dir` (not following links), as [path, lstat]. */
function walk(dir: string): Entry[] {
  return readdirSync(dir).flatMap((name): Entry[] => {
    const full = path.join(dir, name);
    const st = lstatSync(full);
    return st.isDirectory() ? [[full, st], ...walk(full)] : [[full, st]];
  });
}

describe.skipIf(!privileged)('user VMs start with user data mounted nosymfollow', () => {
  let sb: TestSandbox;
  let frames: Received[];
  let mount: string;
  const root = () => path.join(sb.dir, 'root');

  beforeAll(async () => {
    ({ sb, frames, mount } = await installUserVms({ apps: CHOSEN, transientApps: TRANSIENT }));
  }, 120_000);
  afterAll(() => sb?.dispose());

  it('installs with every step done, none skipped', () => {
    expect(frames.at(-1)).toMatchObject({ type: 'result', ok: true });
    const ends = frames.filter((f) => f.type === 'progress' && f.state !== 'running');
    expect(ends.map((f) => f.type === 'progress' && f.state)).toEqual(Array(9).fill('done'));
  });

  it("mounts a btrfs loop device of the opened volume with mount-userdata's options", () => {
    const r = spawnSync('findmnt', ['--json', '--output', 'SOURCE,FSTYPE,OPTIONS', '--mountpoint', mount], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const [fs] = (JSON.parse(r.stdout) as { filesystems: { source: string; fstype: string; options: string }[] }).filesystems;
    expect(fs!.fstype).toBe('btrfs');
    expect(fs!.options.split(',')).toEqual(expect.arrayContaining(['nosuid', 'nodev', 'noexec', 'nosymfollow']));
    const backing = spawnSync('losetup', ['--noheadings', '--output', 'BACK-FILE', fs!.source], { encoding: 'utf8' }).stdout.trim();
    expect(backing).toBe(clearImagePath(sb.dir));
  });

  it('leaves no symbolic link on user data, and everything there belongs to fs (uid 1000)', () => {
    const entries: Entry[] = [[mount, lstatSync(mount)], ...walk(mount)];
    expect(entries.filter(([, st]) => st.isSymbolicLink()).map(([p]) => p)).toEqual([]);
    expect(entries.filter(([, st]) => st.uid !== 1000 || st.gid !== 1000).map(([p]) => path.relative(mount, p))).toEqual([]);
    expect(lstatSync(mount).mode & 0o777).toBe(0o755);
  });

  it('opens every kernel and disk image the way start-vmm names them, and the files each VM reads', () => {
    for (const app of APPS) {
      const config = path.join(root(), 'run', 'vm', 'by-name', `user.${app}`, 'config');
      expect(readFileSync(path.join(config, 'vmlinux'), 'utf8')).toBe(standInContent('app VM kernel'));
      const disks = readdirSync(path.join(config, 'blk')).filter((d) => d.endsWith('.img'));
      expect(disks).toEqual(['root.img']);
      for (const disk of disks) expect(readFileSync(path.join(config, 'blk', disk), 'utf8')).toBe(standInContent('app VM root image'));
      // fs/ is the VM folder on user data, reached through the nosymfollow mount.
      expect(readlinkSync(path.join(config, 'fs'))).toBe(path.join(mount, 'vms', app, 'fs'));
      expect(readFileSync(path.join(config, 'fs', 'type'), 'utf8')).toMatch(/^(nix|flatpak|appimage)\n$/);
      expect(readFileSync(path.join(config, 'fs', 'run'), 'utf8')).toContain(`${app} app`);
      expect(lstatSync(path.join(config, 'fs', 'run')).mode & 0o777).toBe(0o755); // the VM's user runs it
    }
    expect(readdirSync(path.join(root(), 'run', 'vm', 'by-name', 'user.mail', 'config', 'providers', 'net'))).toEqual(['sys.netvm']);
    expect(readdirSync(path.join(root(), 'run', 'vm', 'by-name')).sort()).toEqual(APPS.map((a) => `user.${a}`).sort());
    expect(readdirSync(path.join(mount, 'vms')).sort()).toEqual([...APPS].sort()); // nothing for the built-in browser
  });

  it('gives storage to the app VMs that keep their files, made by uid 1000, and none to the others', () => {
    const storage = path.join(mount, 'Spectrum', 'data', 'spectrum', 'storage');
    expect(readdirSync(storage).sort()).toEqual(APPS.filter((a) => !TRANSIENT.includes(a)).sort());
    for (const app of readdirSync(storage)) expect(lstatSync(path.join(storage, app)).uid).toBe(1000);
  });

  it('would not start a VM whose kernel is a link on user data (the layout before): ELOOP', () => {
    const link = path.join(mount, 'vms', 'mail', 'old-vmlinux');
    symlinkSync(path.join(root(), 'usr', 'lib', 'spectrum', 'img', 'appvm', 'vmlinux'), link);
    try {
      expect(() => closeSync(openSync(link, 'r'))).toThrow(expect.objectContaining({ code: 'ELOOP' }));
    } finally {
      unlinkSync(link);
    }
  });
});
