import { writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../shared-node/test-support/temp-dir';
import { TransportError } from './transport';
import { unixTransport } from './unix-transport';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => (temp = makeTempDir()));
afterEach(() => temp.remove());

async function reason(socketPath: string): Promise<string> {
  try {
    (await unixTransport(socketPath).connect()).destroy();
    return 'connected';
  } catch (e) {
    return e instanceof TransportError ? e.reason : 'other';
  }
}

describe('unix transport', () => {
  it('connects to a listening socket', async () => {
    const socketPath = path.join(temp.dir, 's');
    const server = net.createServer((s) => s.end());
    await new Promise<void>((r) => server.listen(socketPath, r));
    expect(await reason(socketPath)).toBe('connected');
    await new Promise((r) => server.close(r));
  });

  it('tells a missing socket from one that refuses', async () => {
    expect(await reason(path.join(temp.dir, 'absent'))).toBe('no-socket');
    writeFileSync(path.join(temp.dir, 'file'), '');
    expect(await reason(path.join(temp.dir, 'file'))).toBe('refused');
  });
});
