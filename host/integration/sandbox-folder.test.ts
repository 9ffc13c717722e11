// `--sandbox DIR` on a folder that already exists: a symbolic link anywhere the helper would
// write through is refused with a clear error (nothing is written through it), and the modes of
// what exists are made private again. A link planted while a plan waits for `retry` is refused
// by the step that would follow it.
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatRecoveryKey } from '../../shared/plan/recovery-key';
import { startHelper } from '../helper';
import { HelperClient } from '../test-support/helper-client';
import { makePlan } from '../test-support/plan-maker';
import { makeTempDir, startSandbox, type TestSandbox } from '../test-support/sandbox-helper';

const SECRETS = { passphrase: 'a long enough passphrase', recoveryKey: formatRecoveryKey(randomBytes(32)) };
const QUIET = { write: () => undefined, close: () => undefined };

describe('an existing sandbox folder', () => {
  let dir = '';
  let sb: TestSandbox | null = null;
  afterEach(async () => {
    await sb?.dispose();
    sb = null;
    rmSync(dir, { recursive: true, force: true });
  });

  /** DIR/sandbox, and DIR/outside: what a planted link points at. */
  function layout(): { sandbox: string; outside: string } {
    dir = makeTempDir();
    const sandbox = path.join(dir, 'sandbox');
    const outside = path.join(dir, 'outside');
    mkdirSync(sandbox);
    mkdirSync(outside);
    writeFileSync(path.join(outside, 'file'), "not the helper's");
    return { sandbox, outside };
  }

  it.each([
    ['root', 'dir'],
    [path.join('root', 'media'), 'dir'],
    ['state', 'dir'],
    ['guest', 'dir'],
    ['userdata.img', 'file'],
    ['helper.log', 'file'],
    [path.join('state', 'journal.json'), 'file'],
    [path.join('guest', 'signing-key.pem'), 'file'],
  ])('refuses a symbolic link at %s', async (rel, kind) => {
    const { sandbox, outside } = layout();
    mkdirSync(path.dirname(path.join(sandbox, rel)), { recursive: true });
    symlinkSync(kind === 'dir' ? outside : path.join(outside, 'file'), path.join(sandbox, rel));
    let refusal: unknown = null;
    try {
      await (await startHelper({ sandbox, fastKdf: true, logSink: QUIET })).close();
    } catch (e) {
      refusal = e;
    }
    expect(String(refusal)).toMatch(new RegExp(`${rel.replace(/[/.]/g, '\\$&')} is a symbolic link`));
    expect(readdirSync(outside)).toEqual(['file']);
    expect(readFileSync(path.join(outside, 'file'), 'utf8')).toBe("not the helper's");
  });

  it('makes the modes of what exists private again', async () => {
    const { sandbox } = layout();
    for (const sub of ['guest', 'state', 'root']) mkdirSync(path.join(sandbox, sub), { mode: 0o777 });
    for (const file of ['userdata.img', 'helper.log']) closeSync(openSync(path.join(sandbox, file), 'w', 0o666));
    for (const p of ['', 'guest', 'state', 'root', 'userdata.img', 'helper.log'])
      chmodSync(path.join(sandbox, p), p.includes('.') ? 0o666 : 0o777);
    spawnSync('truncate', ['-s', '64M', path.join(sandbox, 'userdata.img')]);
    sb = await startSandbox({ logSink: QUIET }, sandbox);
    const mode = (p: string): string => (lstatSync(path.join(sandbox, p)).mode & 0o777).toString(8);
    expect(['', 'guest', 'state', 'root', 'userdata.img', 'helper.log'].map((p) => `${p || '.'} ${mode(p)}`)).toEqual([
      '. 700',
      'guest 700',
      'state 700',
      'root 755',
      'userdata.img 600',
      'helper.log 600',
    ]);
  });

  it('refuses a link planted in the volume while a plan waits for retry, and writes nothing through it', async () => {
    const { sandbox, outside } = layout();
    sb = await startSandbox({ failSteps: [{ step: 'userdata-mkfs', count: 1 }] }, sandbox);
    const { client, hello } = await HelperClient.open(sb.helper.socketPath);
    const plan = await makePlan({ hello, signer: sb.signer, secrets: SECRETS });
    client.send(plan.frame);
    expect((await client.untilEnd()).at(-1)).toMatchObject({ type: 'result', ok: false, step: 'userdata-mkfs' });
    // The volume is mounted at /media/<file system UUID>: plant the link exactly there.
    const uuid = spawnSync('blkid', ['-p', '-o', 'value', '-s', 'UUID', path.join(sandbox, 'userdata-clear.img')], {
      encoding: 'utf8',
    }).stdout.trim();
    expect(uuid).toMatch(/^[0-9a-f-]{36}$/);
    mkdirSync(path.join(sandbox, 'root', 'media'), { recursive: true });
    symlinkSync(outside, path.join(sandbox, 'root', 'media', uuid));
    client.send({ type: 'retry', planId: plan.planId });
    const end = (await client.untilEnd()).at(-1);
    expect(end).toMatchObject({ type: 'result', ok: false, step: 'userdata-mount' });
    expect((end as { message: string }).message).toMatch(/symbolic link/);
    expect(readdirSync(outside)).toEqual(['file']);
    expect(existsSync(path.join(outside, 'vms'))).toBe(false);
    client.close();
  });
});
