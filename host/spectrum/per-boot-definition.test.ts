import { lstatSync, mkdirSync, mkdtempSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SymlinkRefusedError } from '../fs/safe-fs';
import { buildPerBootDefinition } from './per-boot-definition';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'per-boot-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the per-boot definition of a user VM', () => {
  it('links kernel and disks to the app VM image and fs to the VM folder on user data', () => {
    const def = buildPerBootDefinition(root, '/media/u1', 'email');
    expect(def.configDir).toBe(path.join(root, 'run/user-vms/email/email'));
    expect(def.importDir).toBe(path.join(root, 'run/user-vms/email'));
    expect(readlinkSync(path.join(def.configDir, 'vmlinux'))).toBe(path.join(root, 'usr/lib/spectrum/img/appvm/vmlinux'));
    expect(readlinkSync(path.join(def.configDir, 'fs'))).toBe(path.join(root, 'media/u1/vms/email/fs'));
    // Built again at the next boot: the same links, nothing added.
    buildPerBootDefinition(root, '/media/u1', 'email');
    expect(lstatSync(path.join(def.configDir, 'blk')).isSymbolicLink()).toBe(true);
  });

  it('refuses a link where its folders go under /run, and writes nothing through it', () => {
    const elsewhere = path.join(root, 'elsewhere');
    mkdirSync(elsewhere);
    mkdirSync(path.join(root, 'run'));
    symlinkSync(elsewhere, path.join(root, 'run/user-vms'));
    expect(() => buildPerBootDefinition(root, '/media/u1', 'email')).toThrow(SymlinkRefusedError);
    expect(() => lstatSync(path.join(elsewhere, 'email'))).toThrow();
  });
});
