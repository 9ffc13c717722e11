import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatRecoveryKey } from '../../shared/plan/recovery-key';
import { exportFileName, exportLog, scrubRecoveryKeys, SCRUBBED } from './log-export';
import { makeTempDir } from '../../shared-node/test-support/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => (temp = makeTempDir()));
afterEach(() => temp.remove());

const key = formatRecoveryKey(new Uint8Array(32).map((_, i) => i * 7));

describe('log export', () => {
  it('scrubs recovery keys however they are written', () => {
    const text = `a ${key} b ${key.toUpperCase()} c ${key.replace(/-/g, '')} d ${key.replace(/-/g, ' ')}`;
    const scrubbed = scrubRecoveryKeys(text);
    expect(scrubbed).toBe(`a ${SCRUBBED} b ${SCRUBBED} c ${SCRUBBED} d ${SCRUBBED}`);
    expect(scrubRecoveryKeys('the quick brown fox; helper-unreachable')).toBe('the quick brown fox; helper-unreachable');
  });

  it('writes a new timestamped file in the export folder and returns its path', async () => {
    const now = new Date('2026-11-25T10:11:12.345Z');
    expect(exportFileName(now)).toBe('spectrum-firstboot-20261125T101112Z.log');
    const dir = path.join(temp.dir, 'exports');
    const first = await exportLog(dir, `step failed\nrecovery ${key}\n`, now);
    const second = await exportLog(dir, 'again', now);
    expect(first).toBe(path.join(dir, 'spectrum-firstboot-20261125T101112Z.log'));
    expect(second).toBe(path.join(dir, 'spectrum-firstboot-20261125T101112Z-1.log'));
    expect(readFileSync(first, 'utf8')).toBe(`step failed\nrecovery ${SCRUBBED}\n`);
    expect(statSync(first).mode & 0o077).toBe(0);
  });
});
