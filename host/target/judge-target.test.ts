// The verdict on a LUKS header with the same installId: ours to format again only while it
// looks freshly formatted, or when this installation's own journal names that very header.
import { describe, expect, it } from 'vitest';
import type { LuksHeaderInfo } from './luks-header';
import { judgeTarget, type InstallationRecord } from './judge-target';

const INSTALL = 'AAAAAAAAAAAAAAAAAAAAAA';
const UUID = '0b5e1c2d-3f40-4a5b-8c6d-7e8f90a1b2c3';
const PLAN = 'ab'.repeat(32);
const initialToken = { type: 'spectrum-firstboot' as const, keyslots: [] as string[], installId: INSTALL, planId: PLAN };

function probe(luks: Partial<LuksHeaderInfo>) {
  const full: LuksHeaderInfo = {
    label: INSTALL,
    subsystem: 'spectrum-firstboot',
    uuid: UUID,
    firstboot: null,
    keyslots: ['0'],
    tokens: [],
    ...luks,
  };
  return { sizeBytes: 1 << 30, signatures: ['crypto_LUKS'], luks: full };
}
const verdict = (luks: Partial<LuksHeaderInfo>, record: InstallationRecord | null = null) => judgeTarget(probe(luks), INSTALL, record).kind;

describe('judgeTarget on a header labelled with this installation', () => {
  it('formats again a header as luksFormat leaves it, with or without its first token', () => {
    expect(verdict({})).toBe('ours-interrupted');
    expect(verdict({ firstboot: initialToken, tokens: [initialToken] })).toBe('ours-interrupted');
  });

  it.each([
    ['a second keyslot (the recovery key enrolled)', { keyslots: ['0', '1'] }],
    ['no keyslot 0', { keyslots: ['1'] }],
    ['a keyboard token (system-config ran)', { tokens: [{ type: 'spectrum-keyboard', keyslots: [] }] }],
    ['a systemd-fido2 token', { firstboot: initialToken, tokens: [initialToken, { type: 'systemd-fido2', keyslots: ['0'] }] }],
    ['our token with extra fields', { firstboot: initialToken, tokens: [{ ...initialToken, note: 'x' }] }],
  ])('refuses a header with %s when no journal vouches for it', (_name, luks) => {
    expect(verdict(luks)).toBe('in-use');
  });

  it("formats again any unfinished header that this installation's journal names by its UUID", () => {
    expect(
      verdict({ keyslots: ['0', '1'], tokens: [{ type: 'spectrum-keyboard', keyslots: [] }] }, { luksUuid: UUID, formatRan: true }),
    ).toBe('ours-interrupted');
  });

  it('does not let a journal vouch for another header', () => {
    expect(verdict({ keyslots: ['0', '1'] }, { luksUuid: 'ffffffff-3f40-4a5b-8c6d-7e8f90a1b2c3', formatRan: true })).toBe('in-use');
    expect(verdict({}, { formatRan: false })).toBe('in-use');
    expect(verdict({}, { luksUuid: 'ffffffff-3f40-4a5b-8c6d-7e8f90a1b2c3', formatRan: true })).toBe('ours-interrupted'); // fresh: a newer format of this plan
  });

  it('answers provisioned for a completed token and refuses another installation', () => {
    expect(verdict({ firstboot: { ...initialToken, completedAt: '2026-01-01T00:00:00Z' } })).toBe('provisioned');
    expect(verdict({ label: 'someone-else' })).toBe('in-use');
    expect(
      verdict({ firstboot: { ...initialToken, installId: 'B'.repeat(22) }, tokens: [{ ...initialToken, installId: 'B'.repeat(22) }] }),
    ).toBe('in-use');
  });
});
