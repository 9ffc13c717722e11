// Which volume to unlock: the one first boot made. Its LUKS2 header carries the subsystem
// `spectrum-firstboot` (written by luksFormat) and a spectrum-firstboot token, whose
// `completedAt` says the first boot finished (docs/protocol.md §7, §8). On a host the device is
// found with blkid (or named with --device); in the sandbox it is DIR/userdata.img.
import { CommandNotFoundError, type Executor } from '../exec/executor';
import { CommandFailedError, Cryptsetup } from '../luks/cryptsetup';
import { FIRSTBOOT_SUBSYSTEM, findFirstbootToken, type Luks2Metadata } from '../luks/luks-tokens';

export type Located =
  | { readonly kind: 'none' }
  | { readonly kind: 'unfinished'; readonly device: string }
  | { readonly kind: 'provisioned'; readonly device: string; readonly meta: Luks2Metadata; readonly installId: string }
  | { readonly kind: 'ambiguous'; readonly devices: readonly string[] };

/** blkid's export format: blocks of NAME=value lines, one block per device. */
export function parseBlkidExport(stdout: string): Map<string, string>[] {
  const out: Map<string, string>[] = [];
  let current = new Map<string, string>();
  for (const line of stdout.split('\n')) {
    if (line.trim() === '') {
      if (current.size > 0) out.push(current);
      current = new Map();
      continue;
    }
    const i = line.indexOf('=');
    if (i > 0) current.set(line.slice(0, i), line.slice(i + 1));
  }
  if (current.size > 0) out.push(current);
  return out;
}

/** Devices whose LUKS header is first boot's: its subsystem, or a GPT partition label given by the caller. */
export async function firstbootCandidates(exec: Executor, partLabel?: string): Promise<string[]> {
  let r;
  try {
    r = await exec.run({ command: 'blkid', args: ['-c', '/dev/null', '-o', 'export'] });
  } catch (e) {
    if (e instanceof CommandNotFoundError) return [];
    throw e;
  }
  // blkid exits 2 when it finds nothing at all.
  if (r.exitCode !== 0) return [];
  return parseBlkidExport(r.stdout)
    .filter(
      (tags) =>
        tags.get('TYPE') === 'crypto_LUKS' &&
        (tags.get('SUBSYSTEM') === FIRSTBOOT_SUBSYSTEM || (partLabel !== undefined && tags.get('PARTLABEL') === partLabel)),
    )
    .map((tags) => tags.get('DEVNAME') ?? '')
    .filter((d) => d.startsWith('/'));
}

/** What the header of `device` says: provisioned, unfinished, or not first boot's at all. */
export async function judgeVolume(exec: Executor, device: string): Promise<Located> {
  let meta: Luks2Metadata;
  try {
    meta = await new Cryptsetup(exec, device).metadata();
  } catch (e) {
    if (e instanceof CommandFailedError) return { kind: 'none' }; // not a LUKS2 header
    throw e;
  }
  const token = findFirstbootToken(meta);
  if (token === null || token === 'invalid') return { kind: 'unfinished', device };
  if (!token.completedAt) return { kind: 'unfinished', device };
  return { kind: 'provisioned', device, meta, installId: token.installId };
}

/** The one provisioned volume among `devices`; several provisioned ones must be told apart with --device. */
export async function locateVolume(exec: Executor, devices: readonly string[]): Promise<Located> {
  const judged = await Promise.all(devices.map((d) => judgeVolume(exec, d)));
  const provisioned = judged.filter((j) => j.kind === 'provisioned');
  if (provisioned.length > 1) return { kind: 'ambiguous', devices: provisioned.map((p) => p.device) };
  if (provisioned.length === 1) return provisioned[0]!;
  return judged.find((j) => j.kind === 'unfinished') ?? { kind: 'none' };
}
