// Which device backs a mapping, read from `cryptsetup status` as it prints it, and compared with
// the target by device number (block devices) or by file identity (loop-backed images).
import { linkSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../shared-node/test-support/temp-dir';
import { isBackedBy, parseStatus } from './mapping';

const LOOP_STATUS = `/dev/mapper/userdata is active and is in use.
  type:    LUKS2
  cipher:  aes-xts-plain64
  keysize: 512 bits
  key location: keyring
  device:  /dev/loop0
  loop:    /var/lib/images/disk one.img
  sector size:  512
  offset:  32768 sectors
  size:    16744448 sectors
  mode:    read/write
`;

/** Two block devices of this machine (loop devices on these machines), if it has them. */
const blockDevices = readdirSync('/dev')
  .map((n) => `/dev/${n}`)
  .filter((p) => {
    try {
      return statSync(p).isBlockDevice();
    } catch {
      return false;
    }
  });

describe('cryptsetup status', () => {
  const { dir, remove } = makeTempDir('spectrum-mapping-');
  afterAll(remove);

  it('is parsed into type, device and loop file', () => {
    expect(parseStatus(LOOP_STATUS)).toEqual({ type: 'LUKS2', device: '/dev/loop0', loop: '/var/lib/images/disk one.img' });
    expect(parseStatus('/dev/mapper/userdata is active.\n  type:    LUKS2\n  device:  /dev/sda3\n')).toEqual({
      type: 'LUKS2',
      device: '/dev/sda3',
    });
    expect(parseStatus('/dev/mapper/userdata is active.\n')).toBeNull();
  });

  it('matches a loop-backed image by file identity, not by name', async () => {
    const image = path.join(dir, 'disk.img');
    const other = path.join(dir, 'other.img');
    writeFileSync(image, '');
    writeFileSync(other, '');
    linkSync(image, path.join(dir, 'same-file.img'));
    expect(await isBackedBy({ type: 'LUKS2', device: '/dev/loop0', loop: image }, image)).toBe(true);
    expect(await isBackedBy({ type: 'LUKS2', device: '/dev/loop0', loop: path.join(dir, 'same-file.img') }, image)).toBe(true);
    expect(await isBackedBy({ type: 'LUKS2', device: '/dev/loop0', loop: other }, image)).toBe(false);
    expect(await isBackedBy({ type: 'LUKS2', device: '/dev/loop0' }, image)).toBe(false);
    expect(await isBackedBy({ type: 'LUKS2', device: '/dev/loop0', loop: path.join(dir, 'missing.img') }, image)).toBe(false);
  });

  it.runIf(blockDevices.length >= 2)('matches a block device by major:minor', async () => {
    const [target, another] = blockDevices as [string, string];
    expect(await isBackedBy({ type: 'LUKS2', device: target }, target)).toBe(true);
    expect(await isBackedBy({ type: 'LUKS2', device: another }, target)).toBe(false);
    expect(await isBackedBy({ type: 'LUKS2', device: '/dev/null' }, target)).toBe(false);
  });
});
