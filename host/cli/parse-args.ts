// The command line:
//   helper --sandbox DIR [--fast-kdf] [--fail-step STEP:N]... [--slow-step STEP:MS]...
//          [--catalog FILE] [--userdata-bytes N] [--idle-timeout-ms N] [--trusted-keys DIR]
//          [--answers FILE | --answers-dir DIR...] [--no-simulated-keys | --simulated-fido2-keys NAME,...]
//   helper (--listen PATH | --vm NAME) --target DEV --state-dir DIR --key-out DIR [--root /]
//          [--socket-owner USER|UID] [--socket-group GROUP|GID]
//          [--trusted-keys DIR] [--catalog FILE] [--idle-timeout-ms N] [--answers FILE | --answers-dir DIR...]
// both also: [--connection-lifetime-ms N] [--tool-path DIR[:DIR]...] [--fido2-tools-dir DIR]
import { STEP_IDS, type StepId } from '../../shared/plan/steps';
import type { FaultSpec, SlowSpec } from '../apply/test-switches';
import { OptionsError, checkOptions, type HelperOptions } from '../options';

export const USAGE = `usage:
  helper --sandbox DIR [--fast-kdf] [--fail-step STEP:N]... [--slow-step STEP:MS]...
         [--catalog FILE] [--userdata-bytes N] [--idle-timeout-ms N] [--trusted-keys DIR]
         [--answers FILE | --answers-dir DIR...] [--no-simulated-keys | --simulated-fido2-keys NAME,...]
  helper (--listen PATH_5219 | --vm NAME) --target DEV --state-dir DIR --key-out DIR [--root DIR]
         [--socket-owner USER|UID] [--socket-group GROUP|GID]
         [--trusted-keys DIR] [--catalog FILE] [--idle-timeout-ms N] [--answers FILE | --answers-dir DIR...]
  both: [--connection-lifetime-ms N] [--tool-path DIR[:DIR]...] [--fido2-tools-dir DIR]
steps: ${STEP_IDS.join(', ')}`;

export type ParsedArgs = { readonly kind: 'run'; readonly options: HelperOptions } | { readonly kind: 'help' };

const VALUE_FLAGS = new Set([
  '--sandbox',
  '--fail-step',
  '--slow-step',
  '--catalog',
  '--userdata-bytes',
  '--idle-timeout-ms',
  '--listen',
  '--target',
  '--state-dir',
  '--key-out',
  '--root',
  '--trusted-keys',
  '--answers',
  '--answers-dir',
  '--connection-lifetime-ms',
  '--tool-path',
  '--vm',
  '--socket-owner',
  '--socket-group',
  '--fido2-tools-dir',
  '--simulated-fido2-keys',
]);
const REPEATABLE = new Set(['--fail-step', '--slow-step', '--answers-dir']);

function integer(text: string, flag: string): number {
  if (!/^\d+$/.test(text)) throw new OptionsError(`${flag} needs a non-negative integer, got "${text}"`);
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new OptionsError(`${flag} is too large`);
  return n;
}

function stepAnd(text: string, flag: string): [StepId, number] {
  const m = /^([a-z-]+):(\d+)$/.exec(text);
  if (!m) throw new OptionsError(`${flag} needs STEP:NUMBER, got "${text}"`);
  if (!(STEP_IDS as readonly string[]).includes(m[1]!))
    throw new OptionsError(`${flag}: unknown step "${m[1]}" (steps: ${STEP_IDS.join(', ')})`);
  return [m[1] as StepId, integer(m[2]!, flag)];
}

/** Parses argv (without node and the script); throws OptionsError with one clear sentence. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const values = new Map<string, string[]>();
  let fastKdf = false;
  let noSimulatedKeys = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    if (arg === '--fast-kdf') {
      fastKdf = true;
      continue;
    }
    if (arg === '--no-simulated-keys') {
      noSimulatedKeys = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (!VALUE_FLAGS.has(flag)) throw new OptionsError(`unknown argument "${arg}"`);
    const value: string | undefined = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '') throw new OptionsError(`${flag} needs a value`);
    const list = values.get(flag) ?? [];
    if (list.length > 0 && !REPEATABLE.has(flag)) throw new OptionsError(`${flag} is given twice`);
    list.push(value);
    values.set(flag, list);
  }
  const one = (flag: string): string | undefined => values.get(flag)?.[0];
  const num = (flag: string): number | undefined => (one(flag) === undefined ? undefined : integer(one(flag)!, flag));
  const failSteps: FaultSpec[] = (values.get('--fail-step') ?? []).map((v) => {
    const [step, count] = stepAnd(v, '--fail-step');
    if (count < 1) throw new OptionsError('--fail-step needs N of at least 1');
    return { step, count };
  });
  const slowSteps: SlowSpec[] = (values.get('--slow-step') ?? []).map((v) => {
    const [step, ms] = stepAnd(v, '--slow-step');
    if (ms > 600_000) throw new OptionsError('--slow-step delays at most 600000 ms');
    return { step, ms };
  });
  const options: HelperOptions = {
    sandbox: one('--sandbox'),
    listen: one('--listen'),
    vm: one('--vm'),
    socketOwner: one('--socket-owner'),
    socketGroup: one('--socket-group'),
    target: one('--target'),
    stateDir: one('--state-dir'),
    keyOut: one('--key-out'),
    root: one('--root'),
    trustedKeysDir: one('--trusted-keys'),
    answersFile: one('--answers'),
    answersDirs: values.get('--answers-dir'),
    fido2ToolsDir: one('--fido2-tools-dir'),
    simulatedFido2Keys: one('--simulated-fido2-keys')?.split(','),
    catalogFile: one('--catalog'),
    idleTimeoutMs: num('--idle-timeout-ms'),
    connectionLifetimeMs: num('--connection-lifetime-ms'),
    toolPath: one('--tool-path')?.split(':'),
    userDataBytes: num('--userdata-bytes'),
    fastKdf: fastKdf || undefined,
    noSimulatedKeys: noSimulatedKeys || undefined,
    failSteps: failSteps.length > 0 ? failSteps : undefined,
    slowSteps: slowSteps.length > 0 ? slowSteps : undefined,
  };
  checkOptions(options);
  return { kind: 'run', options };
}
