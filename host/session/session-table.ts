// Sessions of docs/protocol.md §3: each `hello` opens one, bound to the connection it was sent on,
// with a random session id, a nonce, an expiry and its own HPKE key pair (memory only).
import { randomBytes } from 'node:crypto';
import { base64url } from '../../shared/util/bytes';
import { generateSealKeyPair, type SealKeyPair } from '../../shared/protocol/seal';

export const SESSION_LIFETIME_MS = 10 * 60 * 1000;
/** Used and expired sessions are remembered this long after expiry, to answer replays precisely. */
const REMEMBER_AFTER_EXPIRY_MS = 10 * 60 * 1000;
const MAX_SESSIONS = 4096;

export interface Session {
  readonly id: string;
  readonly nonce: string;
  readonly expiresAtMs: number;
  readonly connectionId: number;
  /** The target's size when `hello` was sent: what the wizard sized its selection against. */
  readonly userDataBytes: number;
  seal: SealKeyPair | null;
  used: boolean;
  open: boolean;
}

export type SessionCheck =
  | { readonly ok: true; readonly session: Session }
  | { readonly ok: false; readonly code: 'unknown-session' | 'expired' | 'replayed'; readonly path: string; readonly problem: string };

export class SessionTable {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly now: () => number) {}

  async open(connectionId: number, userDataBytes: number): Promise<Session> {
    this.purge();
    const session: Session = {
      id: base64url.encode(randomBytes(16)),
      nonce: base64url.encode(randomBytes(32)),
      expiresAtMs: this.now() + SESSION_LIFETIME_MS,
      connectionId,
      userDataBytes,
      seal: await generateSealKeyPair(),
      used: false,
      open: true,
    };
    this.sessions.set(session.id, session);
    return session;
  }

  /** The connection closed: its session can no longer take a plan, and its key is dropped. */
  closeConnection(connectionId: number): void {
    for (const s of this.sessions.values()) {
      if (s.connectionId === connectionId && s.open) {
        s.open = false;
        s.seal = null;
      }
    }
  }

  /**
   * docs/protocol.md §5.3 for a plan that arrived on `connectionId`. On success the nonce is spent at
   * once, whatever later checks say: a nonce can be presented once.
   */
  claim(sessionId: unknown, nonce: unknown, connectionId: number): SessionCheck {
    if (typeof sessionId !== 'string') return { ok: false, code: 'unknown-session', path: '/session', problem: 'missing session' };
    const s = this.sessions.get(sessionId);
    if (!s) return { ok: false, code: 'unknown-session', path: '/session', problem: 'no such session' };
    if (typeof nonce !== 'string' || nonce !== s.nonce) {
      return { ok: false, code: 'unknown-session', path: '/nonce', problem: 'the nonce does not belong to this session' };
    }
    if (this.now() > s.expiresAtMs) return { ok: false, code: 'expired', path: '/session', problem: 'the session has expired' };
    if (s.used) return { ok: false, code: 'replayed', path: '/nonce', problem: 'this nonce has already been used' };
    if (!s.open || s.connectionId !== connectionId) {
      return { ok: false, code: 'unknown-session', path: '/session', problem: 'the session is not open on this connection' };
    }
    s.used = true;
    return { ok: true, session: s };
  }

  /** The open, unexpired session of a connection (protocol 1.1: to open a sealed PIN), or null. */
  ofConnection(connectionId: number): Session | null {
    for (const s of this.sessions.values()) {
      if (s.connectionId === connectionId && s.open && s.seal && this.now() <= s.expiresAtMs) return s;
    }
    return null;
  }

  get size(): number {
    return this.sessions.size;
  }

  private purge(): void {
    const now = this.now();
    for (const [id, s] of this.sessions) {
      if (now > s.expiresAtMs + REMEMBER_AFTER_EXPIRY_MS) this.sessions.delete(id);
    }
    // Bounded memory: forget the oldest sessions that can no longer take a plan.
    if (this.sessions.size >= MAX_SESSIONS) {
      for (const [id, s] of this.sessions) {
        if (this.sessions.size < MAX_SESSIONS) break;
        if (!s.open || s.used) this.sessions.delete(id);
      }
    }
  }
}
