// `npm run answers -- COMMAND`: the organization's tool for answers files.
//   init [--out FILE] [--escrow-key escrow.pem] [--force]   write a commented example
//   sign --key org.pem [--out FILE] [--catalog FILE] FILE   check, then sign (DSSE, Ed25519)
//   verify (--key org.pub | --trusted-keys DIR) [--catalog FILE] FILE
//   open-escrow --key escrow.pem FILE                       print an escrowed recovery key
//   keygen --out DIR                                        org.pem, org.pub, escrow.pem
//   schema [--out FILE]                                     the published JSON Schema
// Exit codes: 0 done, 1 the file is refused (each problem on stderr with its line), 2 usage.
import { parseArgs } from 'node:util';
import { runCommand, UsageError, type Io } from './commands';

export const USAGE = `usage: npm run answers -- COMMAND
  init [--out FILE] [--escrow-key escrow.pem] [--force]
  sign --key org.pem [--out FILE] [--catalog FILE] FILE
  verify (--key org.pub | --trusted-keys DIR) [--catalog FILE] FILE
  open-escrow --key escrow.pem FILE
  keygen --out DIR
  schema [--out FILE]`;

export async function main(argv: readonly string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        key: { type: 'string', multiple: true },
        out: { type: 'string' },
        catalog: { type: 'string' },
        'trusted-keys': { type: 'string' },
        'escrow-key': { type: 'string' },
        force: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    io.err(`answers: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help || parsed.positionals.length === 0) {
    io.out(USAGE);
    return parsed.values.help ? 0 : 2;
  }
  const [command, ...files] = parsed.positionals;
  try {
    return await runCommand(command!, files, parsed.values, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`answers: ${e.message}\n${USAGE}`);
      return 2;
    }
    io.err(`answers: ${(e as Error).message}`);
    return 1;
  }
}
