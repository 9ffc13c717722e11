// `hello.state` never says `fresh` while the target is busy (docs/protocol.md §3): a block
// device that something else holds exclusively (a mount, a mapping; here the test itself) is
// `unavailable`, and a plan for it is refused, until it is let go. Needs root and a loop device.
import { prepareHostRoot } from '../sandbox/host-root';
import { loadCatalog } from '../catalog/load-catalog';
import { spawnSync } from 'node:child_process';
import { closeSync, constants, ftruncateSync, mkdirSync, openSync, rmSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatRecoveryKey } from '../../shared/plan/recovery-key';
import { startHelper, type RunningHelper } from '../helper';
import { HelperClient } from '../test-support/helper-client';
import { loadSigner, makePlan, newInstallId } from '../test-support/plan-maker';
import { makeTempDir } from '../test-support/sandbox-helper';

const canLoop = process.getuid?.() === 0 && spawnSync('losetup', ['--version']).status === 0;

describe.skipIf(!canLoop)('a busy block device as the target', () => {
  const dir = makeTempDir();
  let device = '';
  let helper: RunningHelper;

  beforeAll(async () => {
    const image = path.join(dir, 'disk.img');
    const fd = openSync(image, 'w');
    ftruncateSync(fd, 64 * 1024 ** 3); // sparse; room for the plan
    closeSync(fd);
    const r = spawnSync('losetup', ['--find', '--show', image], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`losetup failed: ${r.stderr}`);
    device = r.stdout.trim();
    mkdirSync(path.join(dir, 'root'));
    prepareHostRoot(path.join(dir, 'root'), loadCatalog()); // the host image, so the plan's apps are there
    helper = await startHelper({
      listen: path.join(dir, 'vsock_5219'),
      target: device,
      stateDir: path.join(dir, 'state'),
      keyOut: path.join(dir, 'config'),
      root: path.join(dir, 'root'),
      logSink: { write: () => undefined, close: () => undefined },
    });
  });
  afterAll(async () => {
    await helper?.close();
    if (device) spawnSync('losetup', ['--detach', device]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('is unavailable while held, and fresh once let go', async () => {
    const held = openSync(device, constants.O_RDONLY | constants.O_EXCL);
    try {
      const { client, hello } = await HelperClient.open(helper.socketPath);
      expect(hello.state).toEqual({ phase: 'unavailable', reason: 'target-busy' });
      const secrets = { passphrase: 'a long enough passphrase', recoveryKey: formatRecoveryKey(randomBytes(32)) };
      client.send((await makePlan({ hello, signer: loadSigner(helper.signingKeyPath), installId: newInstallId(), secrets })).frame);
      expect(await client.next()).toMatchObject({ type: 'error', code: 'target-in-use' });
      client.close();
    } finally {
      closeSync(held);
    }
    const after = await HelperClient.open(helper.socketPath);
    expect(after.hello.state).toEqual({ phase: 'fresh' });
    after.client.close();
  });
});
