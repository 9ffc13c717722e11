// A comparable summary of what a plan left behind in a sandbox: the LUKS2 header (keyslots and
// tokens, minus ids and times that differ between runs) and the files under the mount.
import { spawnSync } from 'node:child_process';
import { lstatSync, readFileSync, readdirSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { userDataMount } from './user-data-mount';

function walk(dir: string, base = dir): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    const rel = path.relative(base, full);
    const st = lstatSync(full);
    if (st.isSymbolicLink()) out.push(`${rel} -> ${readlinkSync(full)}`);
    else if (st.isDirectory()) out.push(`${rel}/ ${st.uid}:${st.gid} ${(st.mode & 0o777).toString(8)}`, ...walk(full, base));
    else if (rel.endsWith('receipt.json')) out.push(`${rel} (receipt)`);
    else out.push(`${rel} ${st.uid}:${st.gid} ${(st.mode & 0o777).toString(8)} ${JSON.stringify(readFileSync(full, 'utf8'))}`);
  }
  return out;
}

export function endState(sandboxDir: string): unknown {
  const image = path.join(sandboxDir, 'userdata.img');
  const dump = spawnSync('cryptsetup', ['luksDump', '--dump-json-metadata', image], { encoding: 'utf8' });
  if (dump.status !== 0) return { header: null };
  const meta = JSON.parse(dump.stdout) as {
    keyslots: Record<string, { kdf: { type: string } }>;
    tokens: Record<string, Record<string, unknown>>;
  };
  const keyslots = Object.fromEntries(Object.entries(meta.keyslots).map(([k, v]) => [k, v.kdf.type]));
  const tokens = Object.fromEntries(
    Object.entries(meta.tokens).map(([k, t]) => {
      const { installId: _i, planId: _p, completedAt, 'fido2-credential': _c, 'fido2-salt': _s, ...rest } = t;
      return [k, { ...rest, completed: completedAt !== undefined }];
    }),
  );
  const mount = userDataMount(sandboxDir);
  const media = readdirSync(path.join(sandboxDir, 'root', 'media'));
  const receipt = JSON.parse(readFileSync(path.join(mount, 'Spectrum', 'firstboot', 'receipt.json'), 'utf8')) as {
    steps: { id: string; state: string }[];
  };
  // What vm-import registered: one name per user VM, and no VM id left over from a second import.
  const run = path.join(sandboxDir, 'root', 'run', 'vm');
  const registered = readdirSync(path.join(run, 'by-name')).sort();
  const vmIds = readdirSync(path.join(run, 'by-id')).length;
  return {
    keyslots,
    tokens,
    mounts: media.length,
    files: walk(mount),
    registered,
    vmIds,
    receiptSteps: receipt.steps.map((s) => `${s.id}:${s.state}`),
  };
}
