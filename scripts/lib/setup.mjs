// What a fresh machine of this kind lacks: node packages, and on Debian (as root) the system
// tools the tests and the sandbox use. Installs them, or names them when it cannot.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { root } from './paths.mjs';

/** Debian package → a file it provides that we check for. */
export const SYSTEM_PACKAGES = {
  // The keyboard layouts' generator and its check (scripts/generate/keyboard-layouts.py).
  python3: '/usr/bin/python3',
  'xkb-data': '/usr/share/X11/xkb/rules/evdev.xml',
  libxkbcommon0: `/usr/lib/${process.arch === 'arm64' ? 'aarch64' : 'x86_64'}-linux-gnu/libxkbcommon.so.0`,
  chromium: '/usr/bin/chromium',
  'cryptsetup-bin': '/usr/sbin/cryptsetup',
  socat: '/usr/bin/socat',
  'fido2-tools': '/usr/bin/fido2-token',
  e2fsprogs: '/usr/sbin/mkfs.ext4',
  fdisk: '/usr/sbin/sfdisk',
  'fonts-noto-core': '/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf',
  // Chinese, Japanese and Korean glyphs, subset at build time (scripts/l10n/fonts/).
  'fonts-noto-cjk': '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  // The sandbox's real user data (btrfs as uid 1000) and whole-disk images (sfdisk).
  'btrfs-progs': '/usr/sbin/mkfs.btrfs',
  // packaging/spectrum checks: the Nix expressions parse, the execline scripts run.
  'nix-bin': '/usr/bin/nix-instantiate',
  execline: '/usr/bin/execlineb',
  // USB sticks as keys: vfat without mounting (helper, unlock), and test sticks' file systems.
  mtools: '/usr/bin/mcopy',
  dosfstools: '/usr/sbin/mkfs.vfat',
  exfatprogs: '/usr/sbin/mkfs.exfat',
};

const run = (cmd, args, opts = {}) => spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });

export function ensureNodePackages() {
  const marker = path.join(root, 'node_modules/.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  console.log('setup: installing node packages (npm ci)');
  const r = run('npm', ['ci', '--no-audit', '--no-fund']);
  if (r.status !== 0) throw new Error('npm ci failed');
}

export function missingSystemPackages(wanted = Object.keys(SYSTEM_PACKAGES)) {
  return wanted.filter((p) => !existsSync(SYSTEM_PACKAGES[p]));
}

export function ensureSystemPackages(wanted = Object.keys(SYSTEM_PACKAGES)) {
  const missing = missingSystemPackages(wanted);
  if (missing.length === 0) return;
  const debian = existsSync('/etc/debian_version');
  const rootUser = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!debian || !rootUser) {
    throw new Error(`setup: these system packages are missing: ${missing.join(' ')} (on Debian: apt-get install ${missing.join(' ')})`);
  }
  console.log(`setup: installing ${missing.join(' ')} with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (run('apt-get', ['update', '-qq'], { env }).status !== 0) throw new Error('apt-get update failed');
  if (run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env }).status !== 0) {
    throw new Error(`apt-get install ${missing.join(' ')} failed`);
  }
}

export function build() {
  const r = run(process.execPath, ['scripts/build.mjs']);
  if (r.status !== 0) throw new Error('build failed');
}

export function packageVersion() {
  return JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version;
}
