// Install → Done: the time a person waits longest. For each profile and unlock method, a fresh
// sandbox helper with the real key derivation takes the plan the wizard sends; the time runs from
// the plan written to the `result` read. The steps come from the helper's own progress frames, so
// a step added or made real later (mkfs.btrfs in the sandbox) is measured as it comes.
//
// Its floor, measured right after on a fresh image of the same size, is the work no install can
// skip, taken from what the install left: luksFormat and one luksAddKey per further keyslot with
// the KDF each keyslot has (the helper's own KDF settings and cryptsetup calls), mkfs.btrfs when
// the helper's mkfs step ran, and the VM definitions' bytes written and fsync'd file by file.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadSigner } from '../../electron/node/signing/signer';
import { ProcessExecutor } from '../../host/exec/executor';
import { ARGON2ID_KDF, Cryptsetup, HIGH_ENTROPY_KDF, type KdfArgs } from '../../host/luks/cryptsetup';
import { softwareEnrollment } from '../../host/test-support/software-fido2';
import type { Choices } from '../../shared/plan/choices';
import { formatRecoveryKey, RECOVERY_KEY_BYTES } from '../../shared/plan/recovery-key';
import type { Profile } from '../../shared/plan/profiles';
import type { HelperMessage } from '../../shared/protocol/messages';
import { BENCH_CHOICES, BENCH_PASSPHRASE, helloOnly, planExchange, type PlanInput } from './helper';
import { withFreshHelper, type HelperSetup } from './processes';
import { ratio, round, type InstallResult } from './report';

type Method = 'passphrase' | 'fido2';

/** The apps each profile's preset brings (renderer/state/presets.ts with the built-in catalog). */
const PROFILE_APPS: Readonly<Record<Profile, readonly string[]>> = {
  minimal: [],
  common: ['browser', 'editor', 'terminal'],
  power: ['browser', 'editor', 'terminal', 'nixos'],
};

export const INSTALL_CASES: readonly { profile: Profile; method: Method }[] = (['minimal', 'common', 'power'] as const).flatMap((profile) =>
  (['passphrase', 'fido2'] as const).map((method) => ({ profile, method })),
);

/** The real install of a slow machine stays well within this. */
const INSTALL_TIMEOUT_MS = 600_000;

function planFor(profile: Profile, method: Method): PlanInput & { primaryKey: string } {
  const choices: Choices = { ...BENCH_CHOICES, profile, apps: [...PROFILE_APPS[profile]], encryption: { method, recoveryKey: true } };
  const recoveryKey = formatRecoveryKey(randomBytes(RECOVERY_KEY_BYTES));
  if (method === 'passphrase')
    return { choices, secrets: { passphrase: BENCH_PASSPHRASE, recoveryKey }, fido2: null, primaryKey: BENCH_PASSPHRASE };
  const enrollment = softwareEnrollment();
  return { choices, secrets: { fido2Secret: enrollment.secret, recoveryKey }, fido2: enrollment.params, primaryKey: enrollment.secret };
}

interface Timeline {
  readonly sentAt: number;
  readonly resultAt: number;
  /** Each step's last state and when it was reported. */
  readonly steps: { step: string; state: string; at: number }[];
}

/** Reads progress frames until the result; keeps each step's last state and its time. */
async function follow(next: (timeoutMs: number) => Promise<HelperMessage>, sentAt: number): Promise<Timeline> {
  const steps: Timeline['steps'] = [];
  for (;;) {
    const frame = await next(INSTALL_TIMEOUT_MS);
    const at = performance.now();
    if (frame.type === 'progress') {
      const known = steps.find((s) => s.step === frame.step);
      if (known) Object.assign(known, { state: frame.state, at });
      else steps.push({ step: frame.step, state: frame.state, at });
    } else if (frame.type === 'result') {
      if (!frame.ok) throw new Error(`the install failed at ${frame.step}: ${frame.code} ${frame.message}`);
      return { sentAt, resultAt: at, steps };
    } else {
      throw new Error(`unexpected ${frame.type} during the install`);
    }
  }
}

interface Floor {
  readonly format: number;
  readonly addKeys: number;
  readonly mkfs: number | null;
  readonly vmFiles: number;
  readonly vmBytes: number;
  readonly vmWrite: number;
}

const kdfOf = (type: unknown): KdfArgs => (type === 'argon2id' ? ARGON2ID_KDF : HIGH_ENTROPY_KDF);

function sparseFile(file: string, bytes: number): void {
  const fd = openSync(file, 'w', 0o600);
  ftruncateSync(fd, bytes);
  closeSync(fd);
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

/** The unavoidable work of what the install left in `sandbox`, done again alone in `dir`. */
async function measureFloor(sandbox: string, dir: string, primaryKey: string, mkfsRan: boolean): Promise<Floor> {
  const installed = path.join(sandbox, 'userdata.img');
  const dump = spawnSync('cryptsetup', ['luksDump', '--dump-json-metadata', installed], { encoding: 'utf8' });
  if (dump.status !== 0) throw new Error(`cryptsetup luksDump failed: ${dump.stderr}`);
  const keyslots = (JSON.parse(dump.stdout) as { keyslots: Record<string, { kdf: { type: string } }> }).keyslots;
  const image = path.join(dir, 'userdata.img');
  sparseFile(image, statSync(installed).size);
  const cs = new Cryptsetup(new ProcessExecutor(), image);
  const primary = Buffer.from(primaryKey, 'utf8');
  let t = performance.now();
  await cs.format(primary, kdfOf(keyslots['0']?.kdf.type), 'bench', 'bench');
  const format = performance.now() - t;
  t = performance.now();
  for (const slot of Object.keys(keyslots).filter((s) => s !== '0')) {
    const newKey = Buffer.from(formatRecoveryKey(randomBytes(RECOVERY_KEY_BYTES)), 'utf8');
    await cs.addKey(primary, newKey, Number(slot), kdfOf(keyslots[slot]!.kdf.type));
  }
  const addKeys = performance.now() - t;

  let mkfs: number | null = null;
  if (mkfsRan) {
    const fsImage = path.join(dir, 'btrfs.img');
    sparseFile(fsImage, statSync(installed).size);
    t = performance.now();
    const r = spawnSync('mkfs.btrfs', ['--label', 'userdata', fsImage]);
    mkfs = performance.now() - t;
    if (r.status !== 0) throw new Error(`mkfs.btrfs failed: ${r.stderr.toString()}`);
  }

  // What the install wrote for the VMs: every file under a vms/ folder of the sandbox's root.
  const written = filesUnder(path.join(sandbox, 'root')).filter((f) => f.split(path.sep).includes('vms'));
  const vmBytes = written.reduce((a, f) => a + statSync(f).size, 0);
  t = performance.now();
  for (const [i, f] of written.entries()) {
    const bytes = readFileSync(f);
    const out = path.join(dir, 'vms', String(i));
    mkdirSync(path.dirname(out), { recursive: true });
    const fd = openSync(out, 'w');
    writeSync(fd, bytes);
    fsyncSync(fd);
    closeSync(fd);
  }
  const vmWrite = performance.now() - t;
  return { format, addKeys, mkfs, vmFiles: written.length, vmBytes, vmWrite };
}

/** The helper's log: each command it ran with its time, summed by program and first argument. */
function commandsRun(sandbox: string): InstallResult['runs'][number]['commands'] {
  const sums = new Map<string, { count: number; ms: number }>();
  for (const line of readFileSync(path.join(sandbox, 'helper.log'), 'utf8').split('\n')) {
    let entry: { event?: unknown; command?: unknown; ms?: unknown };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      continue;
    }
    if (entry.event !== 'command' || typeof entry.command !== 'string' || typeof entry.ms !== 'number') continue;
    const name = entry.command.split(' ').slice(0, 2).join(' ');
    const sum = sums.get(name) ?? { count: 0, ms: 0 };
    sums.set(name, { count: sum.count + 1, ms: sum.ms + entry.ms });
  }
  return [...sums].map(([command, s]) => ({ command, count: s.count, ms: s.ms })).sort((a, b) => b.ms - a.ms);
}

export async function measureInstall(setup: HelperSetup, cases: readonly { profile: Profile; method: Method }[]): Promise<InstallResult> {
  const runs: InstallResult['runs'] = [];
  for (const { profile, method } of cases) {
    const name = `install-${profile}-${method}`;
    runs.push(
      await withFreshHelper(
        setup,
        name,
        async (helper, sandbox) => {
          const socket = helper.ready.socket!;
          const signer = loadSigner(helper.ready.signingKey!);
          await helloOnly(socket);
          const plan = planFor(profile, method);
          const ex = await planExchange(socket, signer, helper.pid, plan, (session, sentAt) =>
            follow((ms) => session.connection.next(ms), sentAt),
          );
          const timeline = ex.after!;
          const dir = path.join(setup.workDir, `${name}-floor`);
          mkdirSync(dir, { recursive: true });
          let floor: Floor;
          try {
            const mkfsRan = timeline.steps.some((s) => s.step === 'userdata-mkfs' && s.state === 'done');
            floor = await measureFloor(sandbox, dir, plan.primaryKey, mkfsRan);
          } finally {
            rmSync(dir, { recursive: true, force: true });
          }
          const floorOf: Record<string, [number, string]> = {
            'userdata-format': [floor.format, 'luksFormat'],
            'userdata-enroll': [floor.addKeys, 'luksAddKey'],
            'userdata-mkfs': [floor.mkfs ?? 0, floor.mkfs === null ? '' : 'mkfs.btrfs'],
            'vm-definitions': [floor.vmWrite, `${floor.vmFiles} files, ${floor.vmBytes} B fsync'd`],
          };
          // Each step's share: from the previous step's last report (or the plan sent) to its own.
          let previous = timeline.sentAt;
          const steps = [...timeline.steps]
            .sort((a, b) => a.at - b.at)
            .map((s) => {
              const [floorMs, floorWork] = floorOf[s.step] ?? [0, ''];
              const row = { step: s.step, state: s.state, ms: round(s.at - previous), floorMs: round(floorMs), floorWork };
              previous = s.at;
              return row;
            });
          steps.push({ step: 'result', state: 'received', ms: round(timeline.resultAt - previous), floorMs: 0, floorWork: '' });
          const totalMs = timeline.resultAt - timeline.sentAt;
          const floorMs = floor.format + floor.addKeys + (floor.mkfs ?? 0) + floor.vmWrite;
          return {
            profile,
            method,
            totalMs: round(totalMs),
            floorMs: round(floorMs),
            ratio: ratio(totalMs, floorMs),
            steps,
            commands: commandsRun(sandbox),
          };
        },
        false,
      ),
    );
  }
  // The helper's own settings: a passphrase gets cryptsetup's argon2id with its benchmarked cost.
  return { kdf: `passphrase ${ARGON2ID_KDF.slice(1).join(' ')}, keys ${HIGH_ENTROPY_KDF.slice(1).join(' ')}`, runs };
}
