// Real security keys through libfido2's command-line tools (Debian package fido2-tools):
// `fido2-token -L` lists keys, `fido2-cred -M -h` makes a credential with hmac-secret,
// `fido2-assert -G -h` gets the hmac-secret for a 32-byte salt, whose last output line is S in
// standard base64 — the LUKS keyslot passphrase systemd uses.
import { ToolPath } from '../exec/tool-path';
import { fido2Error, type Fido2ErrorCode } from './fido2-error';
import type { HmacSecretRequest, KeyList, MakeCredentialRequest, SecurityKeys, TouchNotice } from './security-keys';
import { runFido2Tool, type ToolResult } from './tool-runner';

export interface Libfido2Options {
  /** Where the tools are found, as every root tool is (ADR 062); default the standard tool path. */
  readonly tools?: ToolPath;
  /** Where `setpriv` is found and the tools' own PATH; default `tools`. */
  readonly system?: ToolPath;
  /** How long a person may take to enter the PIN and touch the key. */
  readonly touchTimeoutMs?: number;
  /** Variables added to the tools' clean environment (tests). */
  readonly env?: Readonly<Record<string, string>>;
}

const LIST_TIMEOUT_MS = 10_000;

export class Libfido2Keys implements SecurityKeys {
  private known = new Set<string>();
  private readonly tools: ToolPath;
  private readonly system: ToolPath;

  constructor(private readonly options: Libfido2Options = {}) {
    this.tools = options.tools ?? new ToolPath();
    this.system = options.system ?? this.tools;
  }

  async list(): Promise<KeyList> {
    let listing: ToolResult;
    try {
      listing = await this.run('fido2-token', ['-L'], '', undefined, LIST_TIMEOUT_MS);
    } catch (e) {
      if ((e as { code?: unknown }).code === 'fido2-tools-missing') return { keys: [], toolsMissing: true };
      throw e;
    }
    if (listing.code !== 0) throw fido2Error('fido2-failed', 'could not list security keys');
    const keys = [];
    for (const { path, name } of parseTokenList(listing.stdout)) {
      keys.push({ id: path, name, hasPin: await this.hasPin(path), simulated: false });
    }
    this.known = new Set(keys.map((d) => d.id));
    return { keys, toolsMissing: false };
  }

  async makeCredential(request: MakeCredentialRequest, onTouch?: TouchNotice): Promise<{ credentialId: Uint8Array }> {
    const device = this.device(request.deviceId);
    const input = lines(b64(request.clientDataHash), request.rpId, request.userName, b64(request.userId));
    const result = await this.run('fido2-cred', ['-M', '-h', '--', device, 'es256'], input, request.pin, undefined, onTouch);
    if (result.code !== 0) throw toolFailure(result.stderr);
    // Output: client data hash, rp id, format, authenticator data, credential id, signature, …
    const credential = result.stdout.split('\n')[4];
    const credentialId = credential ? decodeStd(credential) : null;
    if (!credentialId) throw fido2Error('fido2-failed', 'fido2-cred gave no credential id');
    return { credentialId };
  }

  async hmacSecret(request: HmacSecretRequest, onTouch?: TouchNotice): Promise<Uint8Array> {
    const device = this.device(request.deviceId);
    const args = ['-G', '-h', '-t', `up=${request.userPresence}`];
    if (request.userVerification) args.push('-t', 'uv=true');
    if (request.pin !== undefined) args.push('-t', 'pin=true');
    const input = lines(b64(request.clientDataHash), request.rpId, b64(request.credentialId), b64(request.salt));
    const result = await this.run('fido2-assert', [...args, '--', device], input, request.pin, undefined, onTouch);
    if (result.code !== 0) throw toolFailure(result.stderr);
    const last = result.stdout.trimEnd().split('\n').at(-1) ?? '';
    const secret = decodeStd(last);
    if (!secret || secret.length !== 32)
      throw fido2Error('fido2-failed', 'the security key gave no hmac-secret (does it support the extension?)');
    return secret;
  }

  async holdsCredential(deviceId: string, rpId: string, credentialId: Uint8Array): Promise<boolean> {
    const device = this.device(deviceId);
    const input = lines(b64(new Uint8Array(32)), rpId, b64(credentialId));
    try {
      const r = await this.run('fido2-assert', ['-G', '-t', 'up=false', '--', device], input, undefined, LIST_TIMEOUT_MS);
      return r.code === 0 || !/FIDO_ERR_NO_CREDENTIALS/.test(r.stderr);
    } catch (e) {
      // A key that wants its PIN even to be asked can hold it: let the real request find out.
      return (e as { code?: unknown }).code === 'fido2-pin-required';
    }
  }

  private device(deviceId: string): string {
    // Only a path fido2-token listed reaches a command line.
    if (!this.known.has(deviceId) || deviceId.startsWith('-'))
      throw fido2Error('fido2-no-device', 'no such security key (was it unplugged?)');
    return deviceId;
  }

  private async hasPin(path: string): Promise<boolean> {
    try {
      const info = await this.run('fido2-token', ['-I', '--', path], '', undefined, LIST_TIMEOUT_MS);
      return /^options:.*(?:^|[\s,])clientPin(?:,|\s|$)/m.test(info.stdout);
    } catch {
      return false;
    }
  }

  private run(
    tool: string,
    args: string[],
    input: string,
    pin: Uint8Array | undefined,
    timeoutMs?: number,
    onWaiting?: () => void,
  ): Promise<ToolResult> {
    const command = this.tools.resolve(tool);
    if (!command) return Promise.reject(fido2Error('fido2-tools-missing', `${tool} is not installed (Debian package fido2-tools)`));
    return runFido2Tool(command, args, {
      input,
      pin,
      timeoutMs: timeoutMs ?? this.options.touchTimeoutMs ?? 90_000,
      env: { ...this.options.env, PATH: this.system.envPath, LC_ALL: 'C' },
      setpriv: this.system.resolve('setpriv'),
      onWaiting,
    });
  }
}

/** `fido2-token -L` lines: `/dev/hidraw0: vendor=0x1050, product=0x0407 (Yubico YubiKey …)`. */
export function parseTokenList(stdout: string): { path: string; name: string }[] {
  const out: { path: string; name: string }[] = [];
  for (const line of stdout.split('\n')) {
    const m = /^(\S.*?): (.*)$/.exec(line.trim());
    if (!m) continue;
    const described = /\((.*)\)\s*$/.exec(m[2]!);
    out.push({ path: m[1]!.slice(0, 256), name: (described?.[1] ?? m[2]!).trim().slice(0, 256) || m[1]!.slice(0, 256) });
  }
  return out;
}

/** Maps libfido2's error names (fido_strerr) in a tool's stderr to our error codes. */
export function classifyToolError(stderr: string): Fido2ErrorCode {
  if (/FIDO_ERR_PIN_INVALID|FIDO_ERR_PIN_AUTH_BLOCKED/.test(stderr)) return 'fido2-wrong-pin';
  if (/FIDO_ERR_PIN_REQUIRED|FIDO_ERR_UV_BLOCKED/.test(stderr)) return 'fido2-pin-required';
  if (/FIDO_ERR_ACTION_TIMEOUT|FIDO_ERR_USER_ACTION_TIMEOUT|FIDO_ERR_OPERATION_DENIED/.test(stderr)) return 'fido2-timeout';
  if (/fido_dev_open|FIDO_ERR_RX|FIDO_ERR_TX/.test(stderr)) return 'fido2-device-removed';
  return 'fido2-failed';
}

const MESSAGES: Record<Fido2ErrorCode, string> = {
  'fido2-tools-missing': 'the FIDO2 tools are not installed',
  'fido2-no-device': 'no such security key',
  'fido2-pin-required': 'this security key needs its PIN',
  'fido2-wrong-pin': 'wrong PIN for this security key',
  'fido2-device-removed': 'the security key was removed or cannot be reached',
  'fido2-timeout': 'the security key was not touched in time',
  'fido2-failed': 'the security key refused the request',
};

function toolFailure(stderr: string): Error {
  const code = classifyToolError(stderr);
  // Name libfido2's error (e.g. FIDO_ERR_PIN_BLOCKED) for the log; never quote the rest.
  const name = /FIDO_ERR_[A-Z_]+/.exec(stderr)?.[0];
  return fido2Error(code, name ? `${MESSAGES[code]} (${name})` : MESSAGES[code]);
}

const lines = (...items: string[]) => items.join('\n') + '\n';
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

function decodeStd(text: string): Uint8Array | null {
  const t = text.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(t) || t.length % 4 !== 0) return null;
  return new Uint8Array(Buffer.from(t, 'base64'));
}
