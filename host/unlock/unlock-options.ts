// The unlock program's command line:
//   unlock --sandbox DIR [--attempts N] [--attempt-delay-ms N]
//   unlock [--device DEV | --part-label NAME] [--name userdata] [--attempts N]
//          [--tool-path DIR[:DIR]...] [--fido2-tools-dir DIR] [--root /]
import { parseArgs } from 'node:util';
import { toolPathProblem } from '../exec/tool-path';
import { DEFAULT_ATTEMPTS, DEFAULT_DELAY_BASE_MS } from './attempts';

export const UNLOCK_USAGE = `usage:
  unlock --sandbox DIR [--attempts N] [--attempt-delay-ms N]
  unlock [--device DEV | --part-label NAME] [--name NAME] [--attempts N]
         [--tool-path DIR[:DIR]...] [--fido2-tools-dir DIR] [--root DIR]
Opens the user data first boot made (security key, USB key file, then one prompt for the
passphrase or recovery key), mounts it with mount-userdata and imports the user VMs.
Exit: 0 opened (or nothing to unlock), 1 still locked, 3 opened but not mounted or imported,
4 failed (several volumes, a tool failed), 2 bad arguments.`;

export interface UnlockOptions {
  readonly sandbox?: string;
  readonly device?: string;
  readonly partLabel?: string;
  /** The device-mapper name (default `userdata`, as upstream's instructions use). */
  readonly name: string;
  readonly attempts: number;
  readonly delayBaseMs: number;
  /** Where its tools are found, as the helper's are (ADR 062); default the standard tool path. */
  readonly toolPath?: readonly string[];
  readonly fido2ToolsDir?: string;
  /** The host's file system root (`/`). */
  readonly root: string;
}

export class UnlockUsageError extends Error {}

export type ParsedUnlockArgs = { readonly kind: 'help' } | { readonly kind: 'run'; readonly options: UnlockOptions };

function integer(text: string | undefined, flag: string, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max)
    throw new UnlockUsageError(`${flag} must be an integer from ${min} to ${max}`);
  return Number(text);
}

export function parseUnlockArgs(argv: readonly string[]): ParsedUnlockArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        help: { type: 'boolean', short: 'h' },
        sandbox: { type: 'string' },
        device: { type: 'string' },
        'part-label': { type: 'string' },
        name: { type: 'string' },
        attempts: { type: 'string' },
        'attempt-delay-ms': { type: 'string' },
        'tool-path': { type: 'string' },
        'fido2-tools-dir': { type: 'string' },
        root: { type: 'string' },
      },
    }));
  } catch (e) {
    throw new UnlockUsageError((e as Error).message);
  }
  if (values.help) return { kind: 'help' };
  const sandbox = values.sandbox;
  if (sandbox !== undefined) {
    const hostOnly = (['device', 'part-label', 'name', 'tool-path', 'fido2-tools-dir', 'root'] as const).find(
      (k) => values[k] !== undefined,
    );
    if (hostOnly) throw new UnlockUsageError(`--${hostOnly} cannot be combined with --sandbox`);
  } else if (values['attempt-delay-ms'] !== undefined) {
    throw new UnlockUsageError('--attempt-delay-ms is a sandbox-only switch and needs --sandbox');
  }
  if (values.device !== undefined && values['part-label'] !== undefined)
    throw new UnlockUsageError('give --device or --part-label, not both');
  const name = values.name ?? 'userdata';
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(name)) throw new UnlockUsageError('--name must be a plain device-mapper name');
  const toolPath = values['tool-path']?.split(':');
  const toolProblem = toolPath === undefined ? null : toolPathProblem(toolPath);
  if (toolProblem) throw new UnlockUsageError(`--tool-path ${toolProblem}`);
  const fido2Tools = values['fido2-tools-dir'];
  const fido2Problem = fido2Tools === undefined ? null : toolPathProblem([fido2Tools]);
  if (fido2Problem) throw new UnlockUsageError(`--fido2-tools-dir ${fido2Problem}`);
  if (values.root !== undefined && !values.root.startsWith('/'))
    throw new UnlockUsageError(`--root "${values.root}" is not an absolute folder`);
  return {
    kind: 'run',
    options: {
      sandbox,
      device: values.device,
      partLabel: values['part-label'],
      name,
      attempts: integer(values.attempts, '--attempts', 1, 100) ?? DEFAULT_ATTEMPTS,
      delayBaseMs: integer(values['attempt-delay-ms'], '--attempt-delay-ms', 0, 60_000) ?? DEFAULT_DELAY_BASE_MS,
      toolPath,
      fido2ToolsDir: fido2Tools,
      root: values.root ?? '/',
    },
  };
}
