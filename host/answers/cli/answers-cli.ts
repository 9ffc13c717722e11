// `npm run answers -- COMMAND`: the organization's tool for answers files.
//   init [--out FILE] [--escrow-key escrow.pem] [--force]   write a commented example
//   sign --key org.pem [--out FILE] [--catalog FILE] FILE   check, then sign (DSSE, Ed25519)
//   verify (--key org.pub | --trusted-keys DIR) [--catalog FILE] FILE
//   open-escrow --key escrow.pem FILE                       print an escrowed recovery key
//   keygen --out DIR                                        org.pem, org.pub, escrow.pem
//   schema [--out FILE]                                     the published JSON Schema
// Exit codes: 0 done, 1 the file is refused (each problem on stderr with its line), 2 usage.
import { flag, helpText, option, parseCommandLine, repeated, UsageError } from '../../../shared-node/cli/options';
import { runCommand, type Io } from './commands';

const OPTIONS = {
  key: repeated(option('FILE', "sign, open-escrow: the private key; verify: the organization's public key")),
  out: option('FILE|DIR', 'where init, sign and schema write; the folder keygen writes to'),
  catalog: option('FILE', 'sign, verify: a catalog instead of the built-in one'),
  'trusted-keys': option('DIR', "verify: a folder of the organization's public keys"),
  'escrow-key': option('FILE', 'init: the escrow key whose public half the file gets'),
  force: flag('overwrite files that exist'),
};

export const USAGE = helpText(
  `usage: npm run answers -- COMMAND
  init [--out FILE] [--escrow-key escrow.pem] [--force]
  sign --key org.pem [--out FILE] [--catalog FILE] FILE
  verify (--key org.pub | --trusted-keys DIR) [--catalog FILE] FILE
  open-escrow --key escrow.pem FILE
  keygen --out DIR
  schema [--out FILE]`,
  OPTIONS,
);

export async function main(argv: readonly string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseCommandLine(argv, OPTIONS, { positionals: true });
  } catch (e) {
    io.err(`answers: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (parsed.help || parsed.positionals.length === 0) {
    io.out(USAGE);
    return parsed.help ? 0 : 2;
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
