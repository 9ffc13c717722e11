// Gives back what a sandbox attached to the machine: mounts under DIR (deepest first) and loop
// devices whose backing file is under DIR. Run when a sandbox helper starts (after a crash the
// sandbox is as after a reboot), when it stops, and by tests as a backstop, so a failing run
// leaves no mount or loop device behind.
import { spawnSync } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';

/** /proc/self/mounts escapes space, tab, newline and backslash as octal. */
function unescapeMountField(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_, oct: string) => String.fromCharCode(parseInt(oct, 8)));
}

function inside(dir: string, p: string): boolean {
  return p === dir || p.startsWith(dir + path.sep);
}

/** Mount points at or under `dir`, deepest first. */
export function mountsUnder(dir: string): string[] {
  let text: string;
  try {
    text = readFileSync('/proc/self/mounts', 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .map((line) => line.split(' ')[1])
    .filter((t): t is string => t !== undefined)
    .map(unescapeMountField)
    .filter((t) => inside(dir, t))
    .sort((a, b) => b.length - a.length);
}

/** Loop devices whose backing file is under `dir`. */
export function loopDevicesUnder(dir: string): string[] {
  const r = spawnSync('losetup', ['--json', '--list', '--output', 'NAME,BACK-FILE'], { encoding: 'utf8' });
  if (r.status !== 0 || !r.stdout.trim()) return [];
  const parsed = JSON.parse(r.stdout) as { loopdevices?: { name: string; 'back-file'?: string | null }[] };
  return (parsed.loopdevices ?? [])
    .filter((d) => typeof d['back-file'] === 'string' && inside(dir, d['back-file'].replace(/ \(deleted\)$/, '')))
    .map((d) => d.name);
}

export interface Released {
  readonly unmounted: string[];
  readonly detached: string[];
  readonly problems: string[];
}

export function releaseSandbox(sandboxDir: string): Released {
  let dir: string;
  try {
    dir = realpathSync(sandboxDir);
  } catch {
    return { unmounted: [], detached: [], problems: [] };
  }
  const problems: string[] = [];
  const unmounted: string[] = [];
  for (const target of mountsUnder(dir)) {
    const r = spawnSync('umount', [target], { encoding: 'utf8' });
    if (r.status === 0) unmounted.push(target);
    else problems.push(`umount ${target}: ${r.stderr.trim() || r.error?.message}`);
  }
  const detached: string[] = [];
  for (const device of loopDevicesUnder(dir)) {
    const r = spawnSync('losetup', ['--detach', device], { encoding: 'utf8' });
    if (r.status === 0) detached.push(device);
    else problems.push(`losetup --detach ${device}: ${r.stderr.trim() || r.error?.message}`);
  }
  return { unmounted, detached, problems };
}
