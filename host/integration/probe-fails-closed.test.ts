// "Nothing is lost" when probing cannot run (docs/protocol.md §7): without a working blkid the
// helper does not fall back on its own table alone, it refuses (`internal`) and says the target
// is unavailable; and a partition that belongs to an installed system (here an `_empty` B slot
// of Spectrum's A/B layout, blank bytes) is refused even when blkid finds nothing in it.
import { prepareHostRoot } from '../sandbox/host-root';
import { loadCatalog } from '../catalog/load-catalog';
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatRecoveryKey } from '../../shared/plan/recovery-key';
import { ProcessExecutor } from '../exec/executor';
import { DEFAULT_TOOL_PATH, ToolPath } from '../exec/tool-path';
import { probeTarget } from '../target/probe-target';
import { startHelper, type RunningHelper } from '../helper';
import { HelperClient, type Received } from '../test-support/helper-client';
import { loadSigner, makePlan, newInstallId } from '../test-support/plan-maker';
import { makeTempDir, startSandbox, type TestSandbox } from '../test-support/sandbox-helper';

const SECRETS = { passphrase: 'a long enough passphrase', recoveryKey: formatRecoveryKey(randomBytes(32)) };
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = makeTempDir('spectrum-probe-');
  dirs.push(d);
  return d;
}

/** A tool folder with links to the system's tools it names, and shell stand-ins. */
function toolFolder(links: string[], standIns: Record<string, string> = {}): string {
  const dir = path.join(tempDir(), 'tools');
  mkdirSync(dir);
  const system = new ToolPath(DEFAULT_TOOL_PATH);
  for (const name of links) symlinkSync(system.resolve(name)!, path.join(dir, name));
  for (const [name, body] of Object.entries(standIns)) {
    writeFileSync(path.join(dir, name), `#!/bin/sh\n${body}\n`);
    chmodSync(path.join(dir, name), 0o755);
  }
  return dir;
}

/** "Untouched", cheaply for a sparse image: size, allocated blocks, modification time, and its first 16 MiB. */
function fingerprint(file: string): string {
  const st = statSync(file, { bigint: true });
  const fd = openSync(file, 'r');
  const head = Buffer.alloc(16 * 1024 ** 2);
  readSync(fd, head, 0, head.length, 0);
  closeSync(fd);
  return `${st.size}/${st.blocks}/${st.mtimeNs}/${createHash('sha256').update(head).digest('hex')}`;
}

/** hello, then a plan on the same connection: what the helper says to each. */
async function helloAndPlan(socket: string, signingKey: string): Promise<{ state: unknown; answer: Received }> {
  const { client, hello } = await HelperClient.open(socket);
  client.send((await makePlan({ hello, signer: loadSigner(signingKey), installId: newInstallId(), secrets: SECRETS })).frame);
  const answer = await client.next();
  client.close();
  return { state: hello.state, answer };
}

describe('a probe that cannot run', () => {
  let sb: TestSandbox | null = null;
  afterEach(async () => {
    await sb?.dispose();
    sb = null;
  });

  it.each([
    ['blkid is missing', toolFolder(['cryptsetup', 'blockdev', 'setpriv'])],
    [
      'blkid cannot open the target (exit 2, with its complaint)',
      toolFolder(['cryptsetup', 'blockdev', 'setpriv'], { blkid: 'echo "blkid: error: $4: Permission denied" >&2\nexit 2' }),
    ],
    ['blkid is killed', toolFolder(['cryptsetup', 'blockdev', 'setpriv'], { blkid: 'kill -9 $$' })],
  ])('refuses the plan when %s, and writes nothing', async (_what, tools) => {
    sb = await startSandbox({ toolPath: [tools] });
    const image = path.join(sb.dir, 'userdata.img');
    const before = fingerprint(image);
    const { state, answer } = await helloAndPlan(sb.helper.socketPath, sb.helper.signingKeyPath);
    expect(state).toEqual({ phase: 'unavailable', reason: 'target-unreadable' });
    expect(answer).toMatchObject({ type: 'error', code: 'internal' });
    expect(fingerprint(image)).toBe(before);
  });
});

// Spectrum's release image: ESP, then verity + root of the A slot, then the `_empty` B slot.
const SPECTRUM_LAYOUT = `label: gpt
size=8M, type=c12a7328-f81f-11d2-ba4b-00a0c93ec93b
size=8M, type=2c7357ed-ebd2-46d9-aec1-23d437ec2bf5, name=Spectrum_0.1.verity
size=16M, type=4f68bce3-e8cd-4db1-96e7-fbcaf984b709, name=Spectrum_0.1
size=8M, type=2c7357ed-ebd2-46d9-aec1-23d437ec2bf5, name=_empty
type=4f68bce3-e8cd-4db1-96e7-fbcaf984b709, name=_empty, size=60G
type=0fc63daf-8483-4772-8e79-3d69d8477de4, name=userdata
`;

const canPartition =
  process.getuid?.() === 0 && ['losetup', 'partx', 'sfdisk', 'mknod'].every((t) => spawnSync(t, ['--version']).status === 0);

describe.skipIf(!canPartition)("a blank partition of Spectrum's own", () => {
  const dir = tempDir();
  let disk = '';
  let slot = '';
  let helper: RunningHelper | null = null;
  beforeAll(() => {
    slot = emptySlot();
  });
  afterEach(async () => {
    await helper?.close();
    helper = null;
  });
  afterAll(() => {
    if (disk) {
      spawnSync('partx', ['--delete', disk]);
      spawnSync('losetup', ['--detach', disk]);
    }
  });

  /** Partition `n` of the disk, as a device node of its own (no udev here to make one). */
  function partitionNode(n: number): string {
    const name = path.basename(disk);
    const [major, minor] = readFileSync(`/sys/block/${name}/${name}p${n}/dev`, 'utf8').trim().split(':');
    const node = path.join(dir, `part${n}`);
    run('mknod', [node, 'b', major!, minor!]);
    return node;
  }

  /** The B slot's root partition of a Spectrum disk. */
  function emptySlot(): string {
    const image = path.join(dir, 'disk.img');
    const fd = openSync(image, 'w');
    ftruncateSync(fd, 64 * 1024 ** 3); // sparse; the B slot's root takes the rest, room for a plan
    closeSync(fd);
    run('sfdisk', ['--quiet', image], SPECTRUM_LAYOUT);
    disk = run('losetup', ['--find', '--show', '--partscan', image]).trim();
    run('partx', ['--add', disk]); // no udev here: ask the kernel for the partitions ourselves
    return partitionNode(5);
  }

  it.each([
    ['blkid finds nothing in it', { blkid: 'exit 2' }],
    ['blkid is asked as well', {}],
  ])('is refused as target-in-use when %s', async (_what, standIns: Record<string, string>) => {
    prepareHostRoot(dir, loadCatalog()); // the host image, so the plan's apps are there
    helper = await startHelper({
      listen: path.join(dir, 'vsock_5219'),
      target: slot,
      stateDir: path.join(dir, 'state'),
      keyOut: path.join(dir, 'config'),
      root: dir,
      toolPath: [toolFolder([], standIns), ...DEFAULT_TOOL_PATH],
      logSink: { write: () => undefined, close: () => undefined },
    });
    const { answer } = await helloAndPlan(helper.socketPath, helper.signingKeyPath);
    expect(answer).toMatchObject({ type: 'error', code: 'target-in-use', message: expect.stringContaining('gpt-empty-slot') });
  });

  it('finds nothing on a blank Linux data partition beside them: that one may be formatted', async () => {
    const probe = await probeTarget(partitionNode(6), new ProcessExecutor());
    expect(probe.signatures).toEqual([]);
  });
});

function run(cmd: string, args: string[], input?: string): string {
  const r = spawnSync(cmd, args, { input, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}
