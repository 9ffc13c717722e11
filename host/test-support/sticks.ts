// USB sticks for tests: image files in a sandbox's usb/ folder (where the sandbox helper and
// unlock look for removable drives), with a real file system and files of the person's own;
// and a way to fingerprint those files to show that enrolling a key changed none of them.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export type TestFsType = 'vfat' | 'exfat' | 'ext4' | 'none' | 'swap';

/** Files a person might keep on a stick (paths relative to its root). */
export const PERSONAL_FILES: Readonly<Record<string, string>> = {
  'notes.txt': 'shopping: milk, bread\n',
  'photos/cat.jpg': 'not really a jpeg, but bytes all the same\n'.repeat(200),
  'docs/letter.md': '# Dear friend\n\nSee you soon.\n',
};

function run(command: string, args: string[], input?: string): string {
  const r = spawnSync(command, args, { encoding: 'utf8', input, env: { ...process.env, MTOOLS_SKIP_CHECK: '1' } });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

/** Runs `use` with the image mounted read-only (root; loop); always unmounts. */
export function withMounted<T>(image: string, fsType: string, use: (dir: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'stick-test-'));
  try {
    run('mount', ['-t', fsType, '-o', 'ro,loop', image, dir]);
    try {
      return use(dir);
    } finally {
      spawnSync('umount', [dir]);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Makes DIR/usb/<name>.img of `sizeMb` with `fsType`, labelled `label`, holding `files`. */
export function makeStick(
  sandboxDir: string,
  name: string,
  fsType: TestFsType,
  label: string,
  files: Readonly<Record<string, string>> = PERSONAL_FILES,
  sizeMb = 40,
): string {
  const dir = path.join(sandboxDir, 'usb');
  mkdirSync(dir, { recursive: true });
  const image = path.join(dir, `${name}.img`);
  run('truncate', ['-s', `${sizeMb}M`, image]);
  const staging = mkdtempSync(path.join(tmpdir(), 'stick-files-'));
  try {
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(staging, rel)), { recursive: true });
      writeFileSync(path.join(staging, rel), text);
    }
    switch (fsType) {
      case 'vfat':
        run('mkfs.vfat', ['-n', label, image]);
        for (const entry of readdirSync(staging)) run('mcopy', ['-s', '-i', image, path.join(staging, entry), '::/']);
        break;
      case 'ext4':
        run('mkfs.ext4', ['-q', '-L', label, '-d', staging, image]);
        break;
      case 'exfat':
        run('mkfs.exfat', ['-L', label, image]);
        if (Object.keys(files).length > 0) {
          const mnt = mkdtempSync(path.join(tmpdir(), 'stick-fill-'));
          try {
            run('mount', ['-t', 'exfat', '-o', 'loop', image, mnt]);
            try {
              run('cp', ['-r', `${staging}/.`, mnt]);
            } finally {
              spawnSync('umount', [mnt]);
            }
          } finally {
            rmSync(mnt, { recursive: true, force: true });
          }
        }
        break;
      case 'swap':
        run('mkswap', ['-L', label, image]);
        break;
      case 'none':
        break;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return image;
}

function walk(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full, base) : [path.relative(base, full)];
  });
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** sha256 of every file on the stick, by path; the key folder left out (it is what changes). */
export function stickFileHashes(image: string, fsType: 'vfat' | 'ext4' | 'exfat'): Record<string, string> {
  const hash = (dir: string) =>
    Object.fromEntries(
      walk(dir)
        .filter((p) => !p.startsWith('spectrum-unlock') && p !== 'lost+found')
        .sort()
        .map((p) => [p, sha256(readFileSync(path.join(dir, p)))]),
    );
  if (fsType !== 'vfat') return withMounted(image, fsType, hash);
  const out = mkdtempSync(path.join(tmpdir(), 'stick-copy-'));
  try {
    run('mcopy', ['-s', '-n', '-i', image, '::/*', out]);
    return hash(out);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** The key file's bytes as the stick holds it. */
export function stickKeyFile(image: string, fsType: 'vfat' | 'ext4' | 'exfat', relPath: string): Buffer {
  if (fsType === 'vfat') {
    const r = spawnSync('mcopy', ['-n', '-i', image, `::/${relPath}`, '-'], { env: { ...process.env, MTOOLS_SKIP_CHECK: '1' } });
    if (r.status !== 0) throw new Error(`no key file: ${r.stderr.toString()}`);
    return r.stdout;
  }
  return withMounted(image, fsType, (dir) => readFileSync(path.join(dir, relPath)));
}

export function fileHash(file: string): string {
  return sha256(readFileSync(file));
}
