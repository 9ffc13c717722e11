// Each concept of the choices' vocabulary is defined once (docs/decisions/102-one-description-of-the-choices.md):
// a second definition anywhere in the source fails here, naming the file.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const LAYERS = ['shared', 'shared-node', 'renderer', 'electron', 'host', 'scripts', 'e2e'];

function sourceFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '--', ...LAYERS], { encoding: 'utf8' });
  return out.split('\n').filter((f) => /\.(ts|tsx|mjs)$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.includes('/test-support/'));
}

const files = sourceFiles().map((path) => ({ path, text: readFileSync(path, 'utf8') }));

/** The files where a pattern occurs. */
function where(pattern: RegExp): string[] {
  return files.filter((f) => pattern.test(f.text)).map((f) => f.path);
}

describe('one definition of each part of the choices', () => {
  it.each<[string, RegExp, string[]]>([
    ['the list of unlock methods', /ENCRYPTION_METHODS\s*=|type EncryptionMethod\s*=/, ['shared/plan/unlock-methods.ts']],
    ['which methods always make a recovery key', /recoveryKey:\s*'always'/, ['shared/plan/unlock-methods.ts']],
    ['the choices schema', /ChoicesSchema\s*=/, ['shared/plan/choices.ts']],
    ['the choices type', /^\s*(export\s+)?(interface|type)\s+\w*Choices\b(?!\s*=\s*Omit<)/m, ['shared/plan/choices.ts']],
    ['the passphrase limits', /\bPASSPHRASE_\w+\s*=/, ['shared/plan/secret-policy.ts']],
    [
      'the control-character rule for passphrases',
      /function (hasControlCharacter|controlCharacters)\b/,
      ['host/spectrum/config-files.ts', 'shared/plan/secret-policy.ts'],
    ],
  ])('%s', (_name, pattern, expected) => {
    expect(where(pattern).sort()).toEqual(expected);
  });

  it('the recovery-key rule is not spelled out by hand outside unlock-methods.ts', () => {
    // e.g. `method === 'fido2' || recoveryKey`, or alwaysMakesRecoveryKey(m) || recoveryKey: use makesRecoveryKey.
    const byHand = /method\s*===\s*'(fido2|usb-key)'\s*\|\||alwaysMakesRecoveryKey\([^)]*\)\s*(\|\||\?)/;
    expect(where(byHand).filter((f) => f !== 'shared/plan/unlock-methods.ts')).toEqual([]);
  });

  it('no layer keeps a size limit of its own for the passphrase', () => {
    expect(where(/passphrase\w*:\s*z\.string\(\)/i)).toEqual([]);
  });

  it('the wizard draft and its persisted form are derived from the plan choices', () => {
    const types = files.find((f) => f.path === 'renderer/state/types.ts')?.text ?? '';
    expect(types).toMatch(/export type DraftChoices = Omit<Choices,/);
    const persisted = files.find((f) => f.path === 'renderer/state/saved-state-check.ts')?.text ?? '';
    // The saved state's schema is built from the plan's (ADR 110), not written a second time.
    expect(persisted).toMatch(/= ChoicesSchema\.shape;/);
    expect(persisted).not.toMatch(/z\.enum\((PROFILES|ENCRYPTION_METHODS)\)/);
  });
});
