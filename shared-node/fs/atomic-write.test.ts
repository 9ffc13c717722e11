// Atomic replacement as a reader of the folder sees it: the whole new file with exactly its
// mode, never a temporary file left behind, and a link at the target replaced, not written through.
import { mkdirSync, readFileSync, readdirSync, lstatSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../test-support/temp-dir';
import { writeFileAtomic } from './atomic-write';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir('atomic-write-');
});
afterEach(() => temp.remove());

describe('writeFileAtomic', () => {
  it('writes the file with exactly the mode asked for, whatever the umask', () => {
    const file = path.join(temp.dir, 'state.json');
    const before = process.umask(0o077);
    try {
      writeFileAtomic(file, '{"a":1}', 0o644);
    } finally {
      process.umask(before);
    }
    expect(readFileSync(file, 'utf8')).toBe('{"a":1}');
    expect(statSync(file).mode & 0o777).toBe(0o644);
    expect(readdirSync(temp.dir)).toEqual(['state.json']);
  });

  it('replaces an existing file whole, bytes as given', () => {
    const file = path.join(temp.dir, 'journal');
    writeFileSync(file, 'an older and much longer content');
    writeFileAtomic(file, new Uint8Array([1, 2, 3]), 0o600);
    expect([...readFileSync(file)]).toEqual([1, 2, 3]);
    expect(readdirSync(temp.dir)).toEqual(['journal']);
  });

  it('replaces a symbolic link at the target instead of writing through it', () => {
    const elsewhere = path.join(temp.dir, 'elsewhere');
    writeFileSync(elsewhere, 'untouched');
    const file = path.join(temp.dir, 'receipt.json');
    symlinkSync(elsewhere, file);
    writeFileAtomic(file, 'new', 0o600);
    expect(lstatSync(file).isFile()).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readFileSync(elsewhere, 'utf8')).toBe('untouched');
  });

  it('fails without leaving a temporary file when the rename cannot happen', () => {
    const target = path.join(temp.dir, 'taken');
    mkdirSync(target);
    writeFileSync(path.join(target, 'inside'), 'x');
    expect(() => writeFileAtomic(target, 'x', 0o600)).toThrow();
    expect(readdirSync(temp.dir)).toEqual(['taken']);
  });
});
