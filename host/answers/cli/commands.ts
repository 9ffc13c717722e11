// The commands of `npm run answers`. Each reads and writes files only where it is told to.
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { canRunUnattended, fixedSections } from '../../../shared/answers/answers-policy';
import { ANSWERS_PAYLOAD_TYPE, ANSWER_SECTIONS } from '../../../shared/answers/answers-schema';
import type { AnswersFailure } from '../../../shared/answers/answers-errors';
import type { Catalog } from '../../../shared/plan/catalog';
import { loadCatalog } from '../../catalog/load-catalog';
import { writeFileAtomic } from '../../../shared-node/fs/atomic-write';
import { isEd25519 } from '../../../shared-node/crypto/ed25519';
import { signerFromKey } from '../../../shared-node/crypto/envelope-signer';
import { TrustedKeys } from '../../keys/trusted-keys';
import { createLogger, type LogSink } from '../../log/logger';
import { Redactor } from '../../log/redactor';
import { EscrowError, openEscrow, readEscrowPrivateKey } from '../escrow';
import { answersJsonSchema } from '../json-schema';
import { SIGNED_ANSWERS_FILE } from '../load-answers';
import { checkText, verifyAnswers } from '../verify-answers';
import { UsageError } from '../../../shared-node/cli/options';
import { exampleAnswers } from './example';

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export { UsageError };

export interface CommandOptions {
  readonly key?: string[];
  readonly out?: string;
  readonly catalog?: string;
  readonly 'trusted-keys'?: string;
  readonly 'escrow-key'?: string;
  readonly force?: boolean;
}

function oneFile(files: readonly string[], command: string): string {
  if (files.length !== 1) throw new UsageError(`${command} takes exactly one FILE`);
  return files[0]!;
}

function oneKey(o: CommandOptions, command: string): string {
  if (o.key?.length !== 1) throw new UsageError(`${command} needs --key FILE (once)`);
  return o.key[0]!;
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`${file} cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`, { cause: e });
  }
}

function writeNew(file: string, text: string, force: boolean | undefined, mode = 0o644): void {
  if (!force && existsSync(file)) throw new Error(`${file} exists; remove it or pass --force`);
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  writeFileAtomic(path.resolve(file), text, mode);
}

/** Every problem on its own line: where (file, line, column, field), the rule, the code. */
function report(io: Io, file: string, failure: AnswersFailure, signedText: boolean): void {
  io.err(`${file}: refused (${failure.code}): ${failure.message}`);
  for (const p of failure.problems) {
    const where =
      p.line !== undefined
        ? `${signedText ? 'signed text ' : ''}line ${p.line}, column ${p.column ?? 1}`
        : p.path.startsWith('/envelope')
          ? 'envelope'
          : 'text';
    io.err(`  ${file}: ${where}: ${p.path || '/'}: ${p.rule}`);
  }
}

function privateEd25519(file: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(readFileSync(file));
  } catch {
    throw new Error(`${file} is not a readable PEM private key`);
  }
  if (!isEd25519(key)) throw new Error(`${file} is not an Ed25519 key`);
  return key;
}

function catalogOf(o: CommandOptions): Catalog {
  return loadCatalog(o.catalog);
}

/** `answers.yaml` → `answers.signed.json` beside it. */
export function signedNameFor(file: string): string {
  const base = path.basename(file).replace(/\.(ya?ml|json)$/i, '');
  return path.join(path.dirname(file), base === 'answers' ? SIGNED_ANSWERS_FILE : `${base}.signed.json`);
}

/** The base64url public key of an X25519 private key file, for the answers' escrow section. */
function escrowPublicKey(pemFile: string): string {
  readEscrowPrivateKey(pemFile); // says clearly what is wrong with the file
  return createPublicKey(createPrivateKey(readFileSync(pemFile))).export({ format: 'jwk' }).x!;
}

export async function runCommand(command: string, files: readonly string[], o: CommandOptions, io: Io): Promise<number> {
  switch (command) {
    case 'init': {
      if (files.length > 0) throw new UsageError('init takes no FILE (use --out)');
      const out = o.out ?? 'answers.yaml';
      const escrow = o['escrow-key'] ? escrowPublicKey(o['escrow-key']) : null;
      writeNew(out, exampleAnswers(escrow), o.force);
      io.out(`wrote ${out}; edit it, then: npm run answers -- sign --key org.pem ${out}`);
      return 0;
    }
    case 'sign': {
      const file = oneFile(files, 'sign');
      const key = privateEd25519(oneKey(o, 'sign'));
      const text = readText(file);
      const checked = checkText(text, catalogOf(o));
      if (!checked.ok) {
        report(io, file, checked, false);
        return 1;
      }
      const payload = new Uint8Array(Buffer.from(text, 'utf8'));
      const signer = signerFromKey(key);
      const envelope = signer.sign(ANSWERS_PAYLOAD_TYPE, payload);
      const out = o.out ?? signedNameFor(file);
      writeNew(out, JSON.stringify(envelope, null, 2) + '\n', true);
      io.out(`signed ${file} for ${checked.answers.organization} with key ${signer.keyId}: wrote ${out}`);
      return 0;
    }
    case 'verify': {
      const file = oneFile(files, 'verify');
      const trusted = new TrustedKeys();
      for (const k of o.key ?? []) {
        try {
          trusted.add(createPublicKey(readFileSync(k)));
        } catch (e) {
          throw new Error(`${k} is not an Ed25519 public key (${(e as Error).message})`, { cause: e });
        }
      }
      if (o['trusted-keys']) trusted.loadDirectory(o['trusted-keys'], createLogger(stderrLines(io), new Redactor(), Date.now));
      if (trusted.size === 0) throw new UsageError("verify needs the organization's public key: --key org.pub or --trusted-keys DIR");
      const verdict = verifyAnswers(new Uint8Array(readFileSync(file)), trusted, catalogOf(o));
      if (!verdict.ok) {
        report(io, file, verdict, true);
        return 1;
      }
      const fixed = fixedSections(verdict.answers);
      io.out(`${file}: valid, signed by ${verdict.keyId}`);
      io.out(`  organization: ${verdict.answers.organization}`);
      io.out(`  digest: ${verdict.digest}`);
      io.out(`  fixed: ${fixed.join(', ') || 'none'}; asked: ${ANSWER_SECTIONS.filter((s) => !fixed.includes(s)).join(', ') || 'none'}`);
      io.out(
        `  recovery-key escrow: ${verdict.answers.escrow ? 'yes' : 'no'}; unattended: ${canRunUnattended(verdict.answers) ? 'yes' : 'no'}`,
      );
      return 0;
    }
    case 'open-escrow': {
      const file = oneFile(files, 'open-escrow');
      try {
        const { recoveryKey, escrow } = await openEscrow(readText(file), readEscrowPrivateKey(oneKey(o, 'open-escrow')));
        io.err(`${file}: recovery key of LUKS volume ${escrow.luksUuid} (install ${escrow.installId}):`);
        io.out(recoveryKey);
        return 0;
      } catch (e) {
        if (e instanceof EscrowError) {
          io.err(`${file}: ${e.message}`);
          return 1;
        }
        throw e;
      }
    }
    case 'keygen': {
      if (!o.out) throw new UsageError('keygen needs --out DIR');
      const org = generateKeyPairSync('ed25519');
      const escrow = generateKeyPairSync('x25519');
      const dir = o.out;
      writeNew(path.join(dir, 'org.pem'), org.privateKey.export({ format: 'pem', type: 'pkcs8' }) as string, o.force, 0o600);
      writeNew(path.join(dir, 'org.pub'), org.publicKey.export({ format: 'pem', type: 'spki' }) as string, o.force);
      writeNew(path.join(dir, 'escrow.pem'), escrow.privateKey.export({ format: 'pem', type: 'pkcs8' }) as string, o.force, 0o600);
      io.out(
        `wrote ${dir}/org.pem (signs answers; keep it safe), ${dir}/org.pub (for the helper's trusted-keys folder), ${dir}/escrow.pem (opens escrowed recovery keys; keep it offline)`,
      );
      io.out(`escrow public key for the answers file: ${escrow.publicKey.export({ format: 'jwk' }).x}`);
      return 0;
    }
    case 'schema': {
      if (o.out) writeNew(o.out, answersJsonSchema(), true);
      else io.out(answersJsonSchema().trimEnd());
      return 0;
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

function stderrLines(io: Io): LogSink {
  // Only what went wrong (a key file that is skipped); the keys loaded are in verify's answer.
  return { write: (line: string) => void (line.includes('"level":"info"') ? undefined : io.err(line.trimEnd())), close: () => undefined };
}
