// An organization for tests: its Ed25519 signing key (public half in a trusted-keys folder),
// its X25519 escrow key, signed answers files written where a sandbox helper finds them, and
// the install a wizard makes of an offered one.
import { generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { answersChoices } from '../../shared/answers/answers-policy';
import { ANSWERS_PAYLOAD_TYPE } from '../../shared/answers/answers-schema';
import type { Choices } from '../../shared/plan/choices';
import { formatRecoveryKey } from '../../shared/plan/recovery-key';
import type { Envelope } from '../../shared/protocol/messages';
import { utf8Encode } from '../../shared/util/bytes';
import { signerFromKey } from '../../shared-node/crypto/envelope-signer';
import { SIGNED_ANSWERS_FILE } from '../answers/load-answers';
import { HelperClient, type Received } from './helper-client';
import { makePlan } from './plan-maker';
import type { TestSandbox } from './sandbox-helper';

export interface Organization {
  readonly dir: string;
  readonly signingKey: KeyObject;
  readonly signingKeyFile: string;
  readonly trustedKeysDir: string;
  readonly escrowKeyFile: string;
  /** base64url raw X25519 public key, for `escrow.publicKey`. */
  readonly escrowPublicKey: string;
}

export function makeOrganization(dir: string): Organization {
  mkdirSync(path.join(dir, 'trusted-keys'), { recursive: true });
  const org = generateKeyPairSync('ed25519');
  const escrow = generateKeyPairSync('x25519');
  const signingKeyFile = path.join(dir, 'org.pem');
  writeFileSync(signingKeyFile, org.privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
  writeFileSync(path.join(dir, 'trusted-keys', 'org.pub'), org.publicKey.export({ format: 'pem', type: 'spki' }));
  const escrowKeyFile = path.join(dir, 'escrow.pem');
  writeFileSync(escrowKeyFile, escrow.privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
  return {
    dir,
    signingKey: org.privateKey,
    signingKeyFile,
    trustedKeysDir: path.join(dir, 'trusted-keys'),
    escrowKeyFile,
    escrowPublicKey: escrow.publicKey.export({ format: 'jwk' }).x!,
  };
}

/** The DSSE envelope of `text` (answers as written), signed by `key` (the organization's by default). */
export function signAnswers(text: string, key: KeyObject): Envelope {
  return signerFromKey(key).sign(ANSWERS_PAYLOAD_TYPE, utf8Encode(text));
}

/** Writes a signed file (or anything else) where the sandbox helper of `sandboxDir` looks. */
export function placeAnswers(sandboxDir: string, content: Envelope | string, name = SIGNED_ANSWERS_FILE): string {
  const file = path.join(sandboxDir, 'answers', name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}

/** Answers that fix every section; `extra` lines are appended (YAML). */
export function fleetAnswers(o: {
  escrowPublicKey?: string;
  method?: 'passphrase' | 'fido2' | 'usb-key';
  usbStickLabel?: string;
  interactive?: string[];
  extra?: string;
}): string {
  return [
    'schema: 1',
    'organization: Example Fleet IT',
    'locale: fi',
    'keyboard: { layout: fi, variant: "" }',
    'accessibility: { highContrast: false, largeText: true, reduceMotion: false, screenReader: false }',
    'profile: common',
    'apps: [browser, editor, terminal]',
    `encryption: { method: ${o.method ?? 'passphrase'}, recoveryKey: true${o.usbStickLabel ? `, usbStick: { label: ${o.usbStickLabel} }` : ''} }`,
    `interactive: [${(o.interactive ?? []).join(', ')}]`,
    ...(o.escrowPublicKey ? [`escrow: { publicKey: ${o.escrowPublicKey} }`] : []),
    ...(o.extra ? [o.extra] : []),
    '',
  ].join('\n');
}

export interface AnswersInstall {
  /** The offered answers file's digest, as the hello gave it. */
  readonly digest: string;
  readonly recoveryKey: string;
  /** The helper's last frame of the install. */
  readonly last: Received;
}

/**
 * What the wizard does with an offered answers file: a plan that follows it (its choices and
 * digest) with the given passphrase and a fresh recovery key, run to its end.
 */
export async function installFromOfferedAnswers(sb: TestSandbox, passphrase: string): Promise<AnswersInstall> {
  const { client, hello } = await HelperClient.open(sb.helper.socketPath);
  try {
    if (hello.answers?.status !== 'offered') throw new Error(`answers not offered: ${JSON.stringify(hello.answers)}`);
    const recoveryKey = formatRecoveryKey(randomBytes(32));
    const plan = await makePlan({
      hello,
      signer: sb.signer,
      choices: answersChoices(hello.answers.answers) as Choices,
      answersDigest: hello.answers.digest,
      secrets: { passphrase, recoveryKey },
    });
    client.send(plan.frame);
    const last = (await client.untilEnd()).at(-1);
    if (!last) throw new Error('the helper said nothing');
    return { digest: hello.answers.digest, recoveryKey, last };
  } finally {
    client.close();
  }
}
