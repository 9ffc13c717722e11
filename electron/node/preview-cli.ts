// Entry of the browser preview (built to dist/preview/server.mjs):
//
//   node dist/preview/server.mjs --socket PATH --signing-key PEM --state-dir DIR
//        [--renderer-dir DIR] [--port N] [--export-dir DIR] [--sandbox] [--simulated-fido2]
//
// Once listening it prints one JSON line on stdout, {"event":"ready","url":"http://127.0.0.1:PORT/?token=…"};
// logs go to stderr as JSON lines. SIGTERM or SIGINT closes it cleanly.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { helpText, integer, option, parseCommandLine, UsageError } from '../../shared-node/cli/options';
import { CONFIG_OPTIONS, resolveConfig } from './config';
import { createLogger } from './log';
import { startPreviewServer } from './preview-server';
import type { PreviewSender } from './preview/ws-session';
import { createWizardRuntime } from './runtime';
import { WIZARD_VERSION } from './version';

const OPTIONS = {
  ...CONFIG_OPTIONS,
  'renderer-dir': option('DIR', 'the built renderer to serve (default: the one beside this file)'),
  port: option('N', 'the port on 127.0.0.1 (default 0: any free one)', integer(0, 65535)),
};

const USAGE = helpText(
  'usage: server.mjs --socket PATH --signing-key PEM --state-dir DIR [--renderer-dir DIR] [--port N] [--export-dir DIR] [--sandbox] [--simulated-fido2]',
  OPTIONS,
);

/** The options, or exits: 0 after --help, 2 with the problem and the usage. */
function readOptions(argv: readonly string[]) {
  try {
    const { values, help } = parseCommandLine(argv, OPTIONS);
    if (help) {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    }
    const missing = (['socket', 'signing-key', 'state-dir'] as const).find((name) => values[name] === undefined);
    if (missing) throw new UsageError(`--${missing} is required`);
    return { ...values, 'state-dir': values['state-dir']! };
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`${e.message}\n${USAGE}\n`);
    process.exit(2);
  }
}

async function main(argv: readonly string[]): Promise<void> {
  const log = createLogger((line) => process.stderr.write(line));
  const args = readOptions(argv);
  const { config, warnings } = resolveConfig(args, {}, { stateDir: args['state-dir'] });
  for (const warning of warnings) log('preview.config-warning', { warning });
  const runtime = createWizardRuntime<PreviewSender>(
    config,
    { runtime: 'preview', version: WIZARD_VERSION, restart: () => false },
    (sender) => sender.transport === 'preview' && sender.authenticated,
    log,
  );
  const rendererDir = path.resolve(args['renderer-dir'] ?? fileURLToPath(new URL('../renderer/', import.meta.url)));
  const server = await startPreviewServer({
    rendererDir,
    port: args.port ?? 0,
    dispatch: runtime.dispatch,
    subscribe: (listener) => runtime.events.subscribe(listener),
    log,
  });

  let closing = false;
  const shutdown = () => {
    if (closing) return;
    closing = true;
    runtime.close();
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);

  log('preview.listening', { port: server.port, transport: config.transport.kind, simulatedFido2: config.simulatedFido2 });
  process.stdout.write(JSON.stringify({ event: 'ready', url: server.url }) + '\n');
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`preview server failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
