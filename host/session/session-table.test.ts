import { describe, expect, it } from 'vitest';
import { SESSION_LIFETIME_MS, SessionTable } from './session-table';

describe('SessionTable.claim', () => {
  it('checks in the order of docs/protocol.md §5.3 and spends a nonce once', async () => {
    let now = 1_000_000;
    const table = new SessionTable(() => now);
    const s = await table.open(1, 0);
    expect(table.claim('nope', s.nonce, 1)).toMatchObject({ ok: false, code: 'unknown-session', path: '/session' });
    expect(table.claim(s.id, 'other', 1)).toMatchObject({ ok: false, code: 'unknown-session', path: '/nonce' });
    expect(table.claim(s.id, s.nonce, 2)).toMatchObject({ ok: false, code: 'unknown-session' });
    expect(table.claim(s.id, s.nonce, 1)).toMatchObject({ ok: true });
    expect(table.claim(s.id, s.nonce, 1)).toMatchObject({ ok: false, code: 'replayed' });
    now += SESSION_LIFETIME_MS + 1;
    expect(table.claim(s.id, s.nonce, 1)).toMatchObject({ ok: false, code: 'expired' });
  });

  it('closes a session with its connection and drops its key', async () => {
    const table = new SessionTable(() => 0);
    const s = await table.open(7, 0);
    table.closeConnection(7);
    expect(s.seal).toBeNull();
    expect(table.claim(s.id, s.nonce, 7)).toMatchObject({ ok: false, code: 'unknown-session' });
  });
});
