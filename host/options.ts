// Everything startHelper() and the command line accept. A sandbox (`sandbox`) runs against files
// under one folder; otherwise `listen`, `target`, `stateDir` and `keyOut` describe a real host.
import type { Executor } from './exec/executor';
import type { LogSink } from './log/logger';
import type { FaultSpec, SlowSpec } from './apply/test-switches';
import { SESSION_LIFETIME_MS } from './session/session-table';
import { toolPathProblem } from './exec/tool-path';
import type { SecurityKeys } from './fido2/security-keys';
import { SIMULATED_KEY_SPECS } from './fido2/simulated-keys';
import { UsageError as OptionsError } from '../shared-node/cli/options';

export interface HelperOptions {
  /** Sandbox folder (docs/protocol.md §10.2), created if needed. */
  readonly sandbox?: string;
  /** Production: the `<vm vsock socket>_5219` path to listen on. */
  readonly listen?: string;
  /** Production, instead of `listen`: the VM (by vm-import name) whose vsock port 5219 to serve. */
  readonly vm?: string;
  /** Who owns the socket (user name or uid); with `vm`, `vmm-<id>` unless given. */
  readonly socketOwner?: string;
  /** Which group may connect too (group name or gid); the socket is then 0660. */
  readonly socketGroup?: string;
  /** Production: the user-data block device. */
  readonly target?: string;
  /** Production: the journal's folder. */
  readonly stateDir?: string;
  /** Production: where the per-boot private signing key is written for the first-boot VM. */
  readonly keyOut?: string;
  /** Production: the host's root as the steps see it (default "/"). */
  readonly root?: string;
  /** The folder libfido2's tools are taken from instead of the tool path. */
  readonly fido2ToolsDir?: string;
  /** Extra trusted Ed25519 public keys (SPKI PEM, *.pem or *.pub). */
  readonly trustedKeysDir?: string;
  /** The signed answers file to use (docs/protocol.md, "Answers files"). */
  readonly answersFile?: string;
  /** Folders that may hold `answers.signed.json` (the ESP, a USB stick, the image), in order. */
  readonly answersDirs?: readonly string[];
  /** A catalog file instead of the built-in assets/catalog.json. */
  readonly catalogFile?: string;
  /** Idle timeout of a connection that sends no complete frame (default 30 s). */
  readonly idleTimeoutMs?: number;
  /** Connections open at once (default 32). */
  readonly maxConnections?: number;
  /** Interval of `running` progress heartbeats (default 1 s; the protocol asks for ≤ 2 s). */
  readonly heartbeatMs?: number;
  /** How long a retryable failure keeps the secrets for `retry` (default: a session's lifetime). */
  readonly retryWindowMs?: number;
  /** Time a connection may spend not following a plan, in all (default 10 min; docs/protocol.md §2). */
  readonly connectionLifetimeMs?: number;
  /** Absolute folders the root tools are taken from, in order (default DEFAULT_TOOL_PATH). */
  readonly toolPath?: readonly string[];

  // Sandbox-only switches: refused without `sandbox`.
  /** Cheap argon2id for passphrase keyslots (tests). */
  readonly fastKdf?: boolean;
  /** Make a step fail its next N runs. */
  readonly failSteps?: readonly FaultSpec[];
  /** Make a step sleep N ms (heartbeats go on). */
  readonly slowSteps?: readonly SlowSpec[];
  /** Size of a new sandbox userdata.img (default 64 GiB, sparse). */
  readonly userDataBytes?: number;
  /** Offer no simulated security keys (the sandbox offers them in DIR/fido2 by default). */
  readonly noSimulatedKeys?: boolean;
  /** Offer only these simulated security keys (names such as `no-pin`); default all. */
  readonly simulatedFido2Keys?: readonly string[];

  // For tests that run the helper in-process.
  /** The helper's clock (ms since the epoch); default Date.now. */
  readonly now?: () => number;
  /** How commands are run; default: real processes. */
  readonly executor?: Executor;
  /** Where log lines go; default DIR/helper.log in the sandbox, stderr otherwise. */
  readonly logSink?: LogSink;
  /** How security keys are reached; default: libfido2's tools (and the sandbox's simulated keys). */
  readonly securityKeys?: SecurityKeys;
}

export const DEFAULTS = {
  idleTimeoutMs: 30_000,
  connectionLifetimeMs: 600_000,
  maxConnections: 32,
  heartbeatMs: 1000,
  userDataBytes: 64 * 1024 ** 3,
} as const;

/** Smallest user-data target cryptsetup can put a LUKS2 header (16 MiB) and some data on. */
export const MIN_USERDATA_BYTES = 32 * 1024 * 1024;

/** Bad options: the command line's usage error (shared-node/cli/options.ts), also for an options object. */
export { OptionsError };

/** Checks an options object; throws OptionsError with one clear sentence. */
export function checkOptions(o: HelperOptions): void {
  const sandboxOnly: [keyof HelperOptions, string][] = [
    ['fastKdf', '--fast-kdf'],
    ['failSteps', '--fail-step'],
    ['slowSteps', '--slow-step'],
    ['userDataBytes', '--userdata-bytes'],
    ['noSimulatedKeys', '--no-simulated-keys'],
    ['simulatedFido2Keys', '--simulated-fido2-keys'],
  ];
  const production: [keyof HelperOptions, string][] = [
    ['listen', '--listen'],
    ['vm', '--vm'],
    ['target', '--target'],
    ['stateDir', '--state-dir'],
    ['keyOut', '--key-out'],
    ['root', '--root'],
  ];
  const given = (k: keyof HelperOptions): boolean => {
    const v = o[k];
    return v !== undefined && v !== false && !(Array.isArray(v) && v.length === 0);
  };
  if (o.sandbox !== undefined) {
    const mixed = production.find(([k]) => given(k));
    if (mixed) throw new OptionsError(`${mixed[1]} cannot be combined with --sandbox`);
  } else {
    const refused = sandboxOnly.find(([k]) => given(k));
    if (refused) throw new OptionsError(`${refused[1]} is a sandbox-only switch and needs --sandbox`);
    if (given('listen') && given('vm')) throw new OptionsError('--listen and --vm cannot be combined (--vm finds the path itself)');
    const missing = production
      .filter(([k]) => k !== 'root' && k !== 'vm' && !(k === 'listen' && given('vm')) && !given(k))
      .map(([, flag]) => (flag === '--listen' ? '--listen (or --vm)' : flag));
    if (missing.length > 0) throw new OptionsError(`missing ${missing.join(', ')} (or use --sandbox DIR)`);
    if (given('listen') && !/_5219$/.test(o.listen!))
      throw new OptionsError('--listen must be the hybrid-vsock path for port 5219 (ending in _5219)');
  }
  const positive = (v: number | undefined, flag: string, min: number, max: number): void => {
    if (v !== undefined && (!Number.isSafeInteger(v) || v < min || v > max))
      throw new OptionsError(`${flag} must be an integer from ${min} to ${max}`);
  };
  positive(o.idleTimeoutMs, '--idle-timeout-ms', 1, 86_400_000);
  positive(o.connectionLifetimeMs, '--connection-lifetime-ms', 1, 86_400_000);
  const toolPath = o.toolPath === undefined ? null : toolPathProblem(o.toolPath);
  if (toolPath) throw new OptionsError(`--tool-path ${toolPath}`);
  const fido2Tools = o.fido2ToolsDir === undefined ? null : toolPathProblem([o.fido2ToolsDir]);
  if (fido2Tools) throw new OptionsError(`--fido2-tools-dir ${fido2Tools}`);
  if (o.simulatedFido2Keys !== undefined) {
    if (o.noSimulatedKeys) throw new OptionsError('--simulated-fido2-keys cannot be combined with --no-simulated-keys');
    const unknown = o.simulatedFido2Keys.find((k) => !Object.hasOwn(SIMULATED_KEY_SPECS, k));
    if (unknown !== undefined || o.simulatedFido2Keys.length === 0) {
      throw new OptionsError(
        `--simulated-fido2-keys takes names from ${Object.keys(SIMULATED_KEY_SPECS).join(', ')}${unknown === undefined ? '' : `, not "${unknown}"`}`,
      );
    }
  }
  positive(o.maxConnections, 'maxConnections', 1, 1024);
  positive(o.heartbeatMs, 'heartbeatMs', 10, 2000);
  positive(o.retryWindowMs, 'retryWindowMs', 1, SESSION_LIFETIME_MS);
  positive(o.userDataBytes, '--userdata-bytes', MIN_USERDATA_BYTES, Number.MAX_SAFE_INTEGER);
}
