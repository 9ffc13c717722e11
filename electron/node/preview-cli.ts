// Entry of the browser preview (built to dist/preview/server.mjs):
//
//   node dist/preview/server.mjs --socket PATH --signing-key PEM --state-dir DIR
//        [--renderer-dir DIR] [--port N] [--export-dir DIR] [--sandbox] [--simulated-fido2]
//
// Once listening it prints one JSON line on stdout, {"event":"ready","url":"http://127.0.0.1:PORT/?token=…"};
// logs go to stderr as JSON lines. SIGTERM or SIGINT closes it cleanly.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from './cli-args';
import { CONFIG_ARGS, resolveConfig } from './config';
import { createLogger } from './log';
import { startPreviewServer } from './preview-server';
import type { PreviewSender } from './preview/ws-session';
import { createWizardRuntime } from './runtime';
import { WIZARD_VERSION } from './version';

const USAGE =
  'usage: server.mjs --socket PATH --signing-key PEM --state-dir DIR [--renderer-dir DIR] [--port N] [--export-dir DIR] [--sandbox] [--simulated-fido2]';

async function main(argv: readonly string[]): Promise<void> {
  const log = createLogger((line) => process.stderr.write(line));
  const args = parseArgs(argv, { values: [...CONFIG_ARGS.values, 'renderer-dir', 'port'], flags: CONFIG_ARGS.flags });
  const errors = [...args.errors, ...args.unknown.map((a) => `unknown argument ${a}`)];
  for (const required of ['socket', 'signing-key', 'state-dir']) {
    if (!args.values.has(required)) errors.push(`--${required} is required`);
  }
  const port = Number(args.values.get('port') ?? '0');
  if (!Number.isInteger(port) || port < 0 || port > 65535) errors.push('--port must be a port number');
  if (errors.length) {
    process.stderr.write(`${errors.join('\n')}\n${USAGE}\n`);
    process.exit(2);
  }

  const { config, warnings } = resolveConfig(args, {}, { stateDir: args.values.get('state-dir')! });
  for (const warning of warnings) log('preview.config-warning', { warning });
  const runtime = createWizardRuntime<PreviewSender>(
    config,
    { runtime: 'preview', version: WIZARD_VERSION, restart: () => false },
    (sender) => sender.transport === 'preview' && sender.authenticated,
    log,
  );
  const rendererDir = path.resolve(args.values.get('renderer-dir') ?? fileURLToPath(new URL('../renderer/', import.meta.url)));
  const server = await startPreviewServer({
    rendererDir,
    port,
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
