// `npm run answers` as an administrator uses it: keys, an example, signing, verifying; errors
// name the file, the line and the rule; bad arguments are usage errors (exit 2).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../test-support/sandbox-helper';
import { main } from './answers-cli';

let dir: string;
beforeEach(() => {
  dir = makeTempDir('spectrum-answers-cli-');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => void (out += t + '\n'), err: (t) => void (err += t + '\n') });
  return { code, out, err };
}

describe('npm run answers', () => {
  it('keygen, init, sign and verify: a valid file for unattended FIDO2 with escrow', async () => {
    const keys = path.join(dir, 'keys');
    const file = path.join(dir, 'answers.yaml');
    expect((await run('keygen', '--out', keys)).code).toBe(0);
    expect((await run('init', '--out', file, '--escrow-key', path.join(keys, 'escrow.pem'))).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^escrow:\n {2}publicKey: [A-Za-z0-9_-]{43}$/m);
    const signed = await run('sign', '--key', path.join(keys, 'org.pem'), file);
    expect(signed).toMatchObject({ code: 0 });
    expect(signed.out).toContain(path.join(dir, 'answers.signed.json'));
    const verified = await run('verify', '--key', path.join(keys, 'org.pub'), path.join(dir, 'answers.signed.json'));
    expect(verified.code).toBe(0);
    expect(verified.out).toMatch(/organization: Example Organization IT/);
    expect(verified.out).toMatch(/fixed: locale, keyboard, accessibility, profile, apps, encryption; asked: none/);
    expect(verified.out).toMatch(/recovery-key escrow: yes; unattended: yes/);
  });

  it('refuses to sign a file that breaks a rule, naming the line and the rule, and writes nothing', async () => {
    const keys = path.join(dir, 'keys');
    await run('keygen', '--out', keys);
    const file = path.join(dir, 'answers.yaml');
    writeFileSync(file, 'schema: 1\norganization: Org\nprofile: common\napps:\n  - browser\n  - spreadsheet\n');
    const r = await run('sign', '--key', path.join(keys, 'org.pem'), file);
    expect(r.code).toBe(1);
    expect(r.err).toContain('refused (invalid-answers)');
    expect(r.err).toContain(`${file}: line 6, column 5: /apps/1: "spreadsheet" is not an app VM of the catalog`);
    expect(r.err).toMatch(/line 4, column 1: \/apps: this profile requires at least 2 app VMs/);
    expect(() => readFileSync(path.join(dir, 'answers.signed.json'))).toThrow();
  });

  it('names the line of a YAML syntax error', async () => {
    const keys = path.join(dir, 'keys');
    await run('keygen', '--out', keys);
    const file = path.join(dir, 'answers.yaml');
    writeFileSync(file, 'schema: 1\norganization: Org\nprofile: common\nprofile: power\n');
    const r = await run('sign', '--key', path.join(keys, 'org.pem'), file);
    expect(r.code).toBe(1);
    expect(r.err).toContain('refused (bad-syntax)');
    expect(r.err).toMatch(/line 4, column 1: \/: Map keys must be unique/);
  });

  it('answers bad arguments with the usage and exit code 2', async () => {
    expect((await run('sign', 'answers.yaml')).code).toBe(2);
    expect((await run('verify', 'x.json')).err).toContain("verify needs the organization's public key");
    expect((await run('frobnicate')).code).toBe(2);
    expect((await run('sign', '--nope')).code).toBe(2);
  });
});
