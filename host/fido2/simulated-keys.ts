// The sandbox's simulated security keys: software models of FIDO2 authenticators with the
// hmac-secret extension (CTAP 2.1, section 12.5), each kept as a file DIR/fido2/<name>.json so that the
// helper (which enrolls) and the unlock program (which opens) see the same key, as two programs
// on one machine see one plugged-in key. Each credential has two random 32-byte CredRandom
// values, one used when the PIN was given and one when it was not; hmac-secret(salt) is
// HMAC-SHA-256(CredRandom, salt): as on a real key, with and without PIN give different secrets.
// Never offered outside the sandbox.
//
//   sim:pin        PIN 123456, a short touch delay; any other PIN gives fido2-wrong-pin
//   sim:no-pin     no PIN, a short touch delay
//   sim:slow       no PIN, a slow touch (4 s)
//   sim:removed    no PIN; unplugged right after it makes the credential, so enrollment fails
//                  with fido2-device-removed (it is plugged back in at the next listing)
//   sim:untouched  no PIN; nobody touches it, so each request ends with fido2-timeout
// A key whose file says `"plugged": false` is not listed (a key left at home).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../../shared-node/fs/atomic-write';
import { fido2Error } from './fido2-error';
import type { HmacSecretRequest, KeyList, MakeCredentialRequest, SecurityKeys, TouchNotice } from './security-keys';

/** The sandbox folder of the simulated keys: the helper enrolls them, the unlock program uses them. */
export const SANDBOX_FIDO2_DIR = 'fido2';
export const SIMULATED_PIN = '123456';
export const SIMULATED_PREFIX = 'sim:';
/** CTAP2's limit: after this many wrong PINs in a row the PIN is blocked. */
const PIN_RETRIES = 8;

const B64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const KeyFileSchema = z.object({
  name: z.string().max(256),
  pin: z.string().max(64).optional(),
  touchDelayMs: z.number().int().min(0).max(60_000),
  plugged: z.boolean(),
  removeAfterMakeCredential: z.boolean().default(false),
  neverTouched: z.boolean().default(false),
  pinRetries: z.number().int().min(0).max(PIN_RETRIES).default(PIN_RETRIES),
  credentials: z.record(B64, z.object({ rpId: z.string().max(256), withUv: B64, withoutUv: B64 })),
});
type KeyFile = z.infer<typeof KeyFileSchema>;

type KeySpec = Pick<KeyFile, 'name' | 'pin' | 'touchDelayMs' | 'removeAfterMakeCredential' | 'neverTouched'>;

export const SIMULATED_KEY_SPECS: Readonly<Record<string, KeySpec>> = {
  pin: {
    name: `Simulated key (PIN ${SIMULATED_PIN})`,
    pin: SIMULATED_PIN,
    touchDelayMs: 700,
    removeAfterMakeCredential: false,
    neverTouched: false,
  },
  'no-pin': { name: 'Simulated key (no PIN)', touchDelayMs: 700, removeAfterMakeCredential: false, neverTouched: false },
  slow: { name: 'Simulated key (slow touch)', touchDelayMs: 4000, removeAfterMakeCredential: false, neverTouched: false },
  removed: { name: 'Simulated key (removed during enrollment)', touchDelayMs: 700, removeAfterMakeCredential: true, neverTouched: false },
  untouched: { name: 'Simulated key (never touched)', touchDelayMs: 5000, removeAfterMakeCredential: false, neverTouched: true },
};

/** Writes the simulated keys that are missing into `dir` (existing ones keep their credentials). */
export function createSimulatedKeys(dir: string, names: readonly string[] = Object.keys(SIMULATED_KEY_SPECS)): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (const name of names) {
    const file = path.join(dir, `${name}.json`);
    const spec = SIMULATED_KEY_SPECS[name];
    if (!spec || existsSync(file)) continue;
    writeFileAtomic(file, JSON.stringify({ ...spec, plugged: true, pinRetries: PIN_RETRIES, credentials: {} }, null, 2) + '\n', 0o600);
  }
}

export interface SimulatedKeysOptions {
  /** Multiplies every touch delay (0 in tests). */
  readonly delayScale?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Offer only these keys (names such as `no-pin`, as an unattended machine has one); default all. */
  readonly only?: readonly string[];
}

export class SimulatedKeys implements SecurityKeys {
  /** Keys unplugged during enrollment (sim:removed) until the next listing. */
  private readonly pulledOut = new Set<string>();
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    readonly dir: string,
    private readonly options: SimulatedKeysOptions = {},
  ) {
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  async list(): Promise<KeyList> {
    this.pulledOut.clear();
    const names = existsSync(this.dir)
      ? readdirSync(this.dir)
          .filter((f) => f.endsWith('.json'))
          .map((f) => f.slice(0, -5))
          .filter((n) => this.offered(n))
          .sort()
      : [];
    const keys = [];
    for (const name of names) {
      const key = this.read(name);
      if (key?.plugged) keys.push({ id: SIMULATED_PREFIX + name, name: key.name, hasPin: key.pin !== undefined, simulated: true });
    }
    return { keys, toolsMissing: false };
  }

  /** Plugs a key in or pulls it out (tests, and people trying the unlock in the sandbox). */
  setPlugged(name: string, plugged: boolean): void {
    const key = this.read(name);
    if (!key) throw new Error(`no simulated key ${name}`);
    this.write(name, { ...key, plugged });
  }

  async makeCredential(request: MakeCredentialRequest, onTouch?: TouchNotice): Promise<{ credentialId: Uint8Array }> {
    const name = this.present(request.deviceId);
    let key = this.read(name)!;
    // With a PIN set, makeCredential needs it (clientPin, CTAP 2.0 behaviour).
    if (key.pin !== undefined && request.pin === undefined) throw fido2Error('fido2-pin-required', 'this security key needs its PIN');
    if (request.pin !== undefined) key = this.checkPin(name, key, request.pin);
    await this.touch(key, onTouch);
    const credentialId = randomBytes(64);
    key = this.read(name)!;
    key.credentials[credentialId.toString('base64')] = {
      rpId: request.rpId,
      withUv: randomBytes(32).toString('base64'),
      withoutUv: randomBytes(32).toString('base64'),
    };
    this.write(name, key);
    if (key.removeAfterMakeCredential) this.pulledOut.add(name);
    return { credentialId };
  }

  async hmacSecret(request: HmacSecretRequest, onTouch?: TouchNotice): Promise<Uint8Array> {
    const name = this.present(request.deviceId);
    let key = this.read(name)!;
    if (request.salt.length !== 32) throw fido2Error('fido2-failed', 'the hmac-secret salt must be 32 bytes');
    if (request.pin !== undefined) key = this.checkPin(name, key, request.pin);
    const credential = key.credentials[Buffer.from(request.credentialId).toString('base64')];
    if (!credential || credential.rpId !== request.rpId) throw fido2Error('fido2-failed', 'this security key does not hold the credential');
    if (request.userPresence) await this.touch(key, onTouch);
    this.present(request.deviceId);
    const credRandom = Buffer.from(request.pin !== undefined ? credential.withUv : credential.withoutUv, 'base64');
    const secret = new Uint8Array(createHmac('sha256', credRandom).update(request.salt).digest());
    credRandom.fill(0);
    return secret;
  }

  async holdsCredential(deviceId: string, rpId: string, credentialId: Uint8Array): Promise<boolean> {
    const name = this.present(deviceId);
    const credential = this.read(name)?.credentials[Buffer.from(credentialId).toString('base64')];
    return credential !== undefined && credential.rpId === rpId;
  }

  private present(deviceId: string): string {
    const name = deviceId.startsWith(SIMULATED_PREFIX) ? deviceId.slice(SIMULATED_PREFIX.length) : '';
    const key = /^[a-z0-9-]{1,32}$/.test(name) && this.offered(name) ? this.read(name) : null;
    if (!key) throw fido2Error('fido2-no-device', 'no such security key');
    if (!key.plugged || this.pulledOut.has(name)) throw fido2Error('fido2-device-removed', 'the security key was removed');
    return name;
  }

  private offered(name: string): boolean {
    return this.options.only === undefined || this.options.only.includes(name);
  }

  private checkPin(name: string, key: KeyFile, pin: Uint8Array): KeyFile {
    if (key.pin === undefined) throw fido2Error('fido2-failed', 'this security key has no PIN set');
    if (key.pinRetries <= 0) throw fido2Error('fido2-failed', 'the PIN of this security key is blocked');
    const want = Buffer.from(key.pin, 'utf8');
    const ok = want.length === pin.length && timingSafeEqual(want, pin);
    const next = { ...key, pinRetries: ok ? PIN_RETRIES : key.pinRetries - 1 };
    if (next.pinRetries !== key.pinRetries) this.write(name, next);
    if (!ok) throw fido2Error('fido2-wrong-pin', 'wrong PIN for this security key');
    return next;
  }

  private async touch(key: KeyFile, onTouch?: TouchNotice): Promise<void> {
    onTouch?.();
    await this.sleep(key.touchDelayMs * (this.options.delayScale ?? 1));
    if (key.neverTouched) throw fido2Error('fido2-timeout', 'the security key was not touched in time');
  }

  private read(name: string): KeyFile | null {
    const file = path.join(this.dir, `${name}.json`);
    if (!existsSync(file)) return null;
    const parsed = KeyFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  }

  private write(name: string, key: KeyFile): void {
    writeFileAtomic(path.join(this.dir, `${name}.json`), JSON.stringify(key, null, 2) + '\n', 0o600);
  }
}
