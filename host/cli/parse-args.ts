// The helper's command line: one option table (its --help is written from it), read by the
// shared reader; checkOptions then checks what goes together.
import { z } from 'zod';
import { STEP_IDS, type StepId } from '../../shared/plan/steps';
import { flag, helpText, integer, option, parseCommandLine, repeated } from '../../shared-node/cli/options';
import { checkOptions, type HelperOptions } from '../options';

/** `STEP:N`, N from `min` to `max`: what --fail-step and --slow-step take. */
function stepAnd(unit: string, min: number, max: number): z.ZodType<{ step: StepId; n: number }> {
  return z.string().transform((text, ctx) => {
    const m = /^([a-z-]+):(\d+)$/.exec(text);
    const problem = !m
      ? `STEP:${unit}`
      : !(STEP_IDS as readonly string[]).includes(m[1]!)
        ? `a step from ${STEP_IDS.join(', ')}`
        : Number(m[2]) < min
          ? `${unit} of at least ${min}`
          : Number(m[2]) > max
            ? `${unit} of at most ${max}`
            : null;
    if (problem === null) return { step: m![1] as StepId, n: Number(m![2]) };
    ctx.issues.push({ code: 'custom', message: problem, input: text });
    return z.NEVER;
  });
}

const OPTIONS = {
  sandbox: option('DIR', 'run on a sandbox folder (created if needed): files stand in for the disk and the VMs'),
  'fast-kdf': flag('sandbox: cheap key derivation for passphrase keyslots'),
  'fail-step': repeated(option('STEP:N', 'sandbox: the step fails its next N runs', stepAnd('N', 1, Number.MAX_SAFE_INTEGER))),
  'slow-step': repeated(option('STEP:MS', 'sandbox: the step takes MS ms longer (heartbeats go on)', stepAnd('MS', 0, 600_000))),
  'userdata-bytes': option('N', 'sandbox: size of a new userdata.img (sparse)', integer(0)),
  'no-simulated-keys': flag('sandbox: offer no simulated security keys'),
  'simulated-fido2-keys': option('NAME,…', 'sandbox: offer only these simulated security keys'),
  listen: option('PATH_5219', "serve the first-boot VM's hybrid-vsock socket for port 5219"),
  vm: option('NAME', 'instead of --listen: serve port 5219 of this VM'),
  'socket-owner': option('USER|UID', 'who owns the socket'),
  'socket-group': option('GROUP|GID', 'which group may connect too'),
  target: option('DEV', 'the user-data block device'),
  'state-dir': option('DIR', "the journal's folder"),
  'key-out': option('DIR', 'where the per-boot signing key for the first-boot VM is written'),
  root: option('DIR', "the host's root as the steps see it (default /)"),
  'trusted-keys': option('DIR', "an organization's public keys (*.pem, *.pub)"),
  answers: option('FILE', 'the signed answers file'),
  'answers-dir': repeated(option('DIR', 'a folder that may hold answers.signed.json, in order')),
  catalog: option('FILE', 'a catalog instead of the built-in one'),
  'idle-timeout-ms': option('N', 'close a connection that sends no complete frame for N ms', integer(0)),
  'connection-lifetime-ms': option('N', 'the time a connection may spend not following a plan', integer(0)),
  'tool-path': option('DIR[:DIR]…', 'absolute folders the root tools are taken from, in order'),
  'fido2-tools-dir': option('DIR', "the folder of libfido2's tools, instead of the tool path"),
};

export const USAGE = helpText(
  `usage:
  helper --sandbox DIR [--fast-kdf] [--fail-step STEP:N]... [--slow-step STEP:MS]...
         [--catalog FILE] [--userdata-bytes N] [--idle-timeout-ms N] [--trusted-keys DIR]
         [--answers FILE | --answers-dir DIR...] [--no-simulated-keys | --simulated-fido2-keys NAME,...]
  helper (--listen PATH_5219 | --vm NAME) --target DEV --state-dir DIR --key-out DIR [--root DIR]
         [--socket-owner USER|UID] [--socket-group GROUP|GID]
         [--trusted-keys DIR] [--catalog FILE] [--idle-timeout-ms N] [--answers FILE | --answers-dir DIR...]
  both: [--connection-lifetime-ms N] [--tool-path DIR[:DIR]...] [--fido2-tools-dir DIR]
steps: ${STEP_IDS.join(', ')}`,
  OPTIONS,
);

export type ParsedArgs = { readonly kind: 'run'; readonly options: HelperOptions } | { readonly kind: 'help' };

/** Parses argv (without node and the script); throws OptionsError with one clear sentence. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const { values: v, help } = parseCommandLine(argv, OPTIONS);
  if (help) return { kind: 'help' };
  const failSteps = v['fail-step'].map(({ step, n }) => ({ step, count: n }));
  const slowSteps = v['slow-step'].map(({ step, n }) => ({ step, ms: n }));
  const options: HelperOptions = {
    sandbox: v.sandbox,
    listen: v.listen,
    vm: v.vm,
    socketOwner: v['socket-owner'],
    socketGroup: v['socket-group'],
    target: v.target,
    stateDir: v['state-dir'],
    keyOut: v['key-out'],
    root: v.root,
    trustedKeysDir: v['trusted-keys'],
    answersFile: v.answers,
    answersDirs: v['answers-dir'].length > 0 ? v['answers-dir'] : undefined,
    fido2ToolsDir: v['fido2-tools-dir'],
    simulatedFido2Keys: v['simulated-fido2-keys']?.split(','),
    catalogFile: v.catalog,
    idleTimeoutMs: v['idle-timeout-ms'],
    connectionLifetimeMs: v['connection-lifetime-ms'],
    toolPath: v['tool-path']?.split(':'),
    userDataBytes: v['userdata-bytes'],
    fastKdf: v['fast-kdf'] || undefined,
    noSimulatedKeys: v['no-simulated-keys'] || undefined,
    failSteps: failSteps.length > 0 ? failSteps : undefined,
    slowSteps: slowSteps.length > 0 ? slowSteps : undefined,
  };
  checkOptions(options);
  return { kind: 'run', options };
}
