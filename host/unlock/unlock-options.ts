// The unlock program's command line (UNLOCK_USAGE below, with every option): one option table,
// read by the shared reader; then what goes together is checked here.
import { helpText, integer, option, parseCommandLine, UsageError } from '../../shared-node/cli/options';
import { toolPathProblem } from '../exec/tool-path';
import { DEFAULT_ATTEMPTS, DEFAULT_DELAY_BASE_MS } from './attempts';

const OPTIONS = {
  sandbox: option('DIR', 'the sandbox of a finished install'),
  device: option('DEV', "the volume to open (default: the one LUKS2 volume with first boot's header)"),
  'part-label': option('NAME', 'also take a LUKS2 partition with this GPT label'),
  name: option('NAME', 'the device-mapper name (default userdata)'),
  attempts: option('N', `tries of the passphrase or recovery key (default ${DEFAULT_ATTEMPTS})`, integer(1, 100)),
  'attempt-delay-ms': option('N', `sandbox: the first wait after a wrong try (default ${DEFAULT_DELAY_BASE_MS})`, integer(0, 60_000)),
  'tool-path': option('DIR[:DIR]…', 'absolute folders the tools are taken from, in order'),
  'fido2-tools-dir': option('DIR', "the folder of libfido2's tools, instead of the tool path"),
  root: option('DIR', "the host's root (default /)"),
};

export const UNLOCK_USAGE = helpText(
  `usage:
  unlock --sandbox DIR [--attempts N] [--attempt-delay-ms N]
  unlock [--device DEV | --part-label NAME] [--name NAME] [--attempts N]
         [--tool-path DIR[:DIR]...] [--fido2-tools-dir DIR] [--root DIR]
Opens the user data first boot made (security key, USB key file, then one prompt for the
passphrase or recovery key), mounts it with mount-userdata and imports the user VMs.
Exit: 0 opened (or nothing to unlock), 1 still locked, 3 opened but not mounted or imported,
4 failed (several volumes, a tool failed), 2 bad arguments.`,
  OPTIONS,
);

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

/** Bad arguments (the shared usage error). */
export { UsageError as UnlockUsageError };

export type ParsedUnlockArgs = { readonly kind: 'help' } | { readonly kind: 'run'; readonly options: UnlockOptions };

export function parseUnlockArgs(argv: readonly string[]): ParsedUnlockArgs {
  const { values, help } = parseCommandLine(argv, OPTIONS);
  if (help) return { kind: 'help' };
  const sandbox = values.sandbox;
  if (sandbox !== undefined) {
    const hostOnly = (['device', 'part-label', 'name', 'tool-path', 'fido2-tools-dir', 'root'] as const).find(
      (k) => values[k] !== undefined,
    );
    if (hostOnly) throw new UsageError(`--${hostOnly} cannot be combined with --sandbox`);
  } else if (values['attempt-delay-ms'] !== undefined) {
    throw new UsageError('--attempt-delay-ms is a sandbox-only switch and needs --sandbox');
  }
  if (values.device !== undefined && values['part-label'] !== undefined) throw new UsageError('give --device or --part-label, not both');
  const name = values.name ?? 'userdata';
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(name)) throw new UsageError('--name must be a plain device-mapper name');
  const toolPath = values['tool-path']?.split(':');
  const toolProblem = toolPath === undefined ? null : toolPathProblem(toolPath);
  if (toolProblem) throw new UsageError(`--tool-path ${toolProblem}`);
  const fido2Tools = values['fido2-tools-dir'];
  const fido2Problem = fido2Tools === undefined ? null : toolPathProblem([fido2Tools]);
  if (fido2Problem) throw new UsageError(`--fido2-tools-dir ${fido2Problem}`);
  if (values.root !== undefined && !values.root.startsWith('/')) throw new UsageError(`--root "${values.root}" is not an absolute folder`);
  return {
    kind: 'run',
    options: {
      sandbox,
      device: values.device,
      partLabel: values['part-label'],
      name,
      attempts: values.attempts ?? DEFAULT_ATTEMPTS,
      delayBaseMs: values['attempt-delay-ms'] ?? DEFAULT_DELAY_BASE_MS,
      toolPath,
      fido2ToolsDir: fido2Tools,
      root: values.root ?? '/',
    },
  };
}
