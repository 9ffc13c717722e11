// Entry point of dist/host/helper.mjs. Bad arguments: one line on stderr, exit code 2. Once
// listening: exactly one JSON line on stdout, {"event":"ready",…}. SIGTERM/SIGINT close cleanly.
import './zod-jitless'; // first: before any schema is made
import { OptionsError } from './options';
import { USAGE, parseArgs } from './cli/parse-args';
import { startHelper } from './helper';
import { killAllGroups } from './exec/children';

// However the helper ends (a clean stop, a crash by exception), no tool it started outlives it.
process.on('exit', killAllGroups);

async function main(): Promise<void> {
  // Private by default: whatever the helper creates is owner-only unless it says otherwise
  // (and every file and folder it makes gets its mode explicitly as well).
  process.umask(0o077);
  let parsed;
  try {
    parsed = parseArgs(process.argv.slice(2));
  } catch (e) {
    if (e instanceof OptionsError) {
      process.stderr.write(`helper: ${e.message} (see --help)\n`);
      process.exit(2);
    }
    throw e;
  }
  if (parsed.kind === 'help') {
    process.stdout.write(USAGE + '\n');
    return;
  }
  let helper;
  try {
    helper = await startHelper(parsed.options);
  } catch (e) {
    process.stderr.write(`helper: cannot start: ${(e as Error).message}\n`);
    process.exit(1);
  }
  const ready: Record<string, string> = { event: 'ready', socket: helper.socketPath, signingKey: helper.signingKeyPath };
  if (helper.sandbox) ready.sandbox = helper.sandbox;
  process.stdout.write(JSON.stringify(ready) + '\n');

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void helper.close().then(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

void main();
