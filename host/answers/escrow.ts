// Recovery-key escrow: the helper seals a machine's recovery key to the organization's X25519
// key and writes it beside the answers file; `npm run answers -- open-escrow` opens it with the
// private key. The sealed file holds no secret anyone but the key's holder can read.
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ESCROW_INFO_PREFIX, EscrowFileSchema, escrowFileName, type EscrowFile } from '../../shared/answers/escrow-schema';
import { RECOVERY_KEY_PATTERN } from '../../shared/plan/recovery-key';
import { hpkeOpen, hpkeSeal, privateKeyFromRaw } from '../../shared/protocol/hpke';
import { SEAL_SUITE } from '../../shared/protocol/messages';
import { utf8Decode, utf8Encode } from '../../shared/util/bytes';
import type { AnswersSource } from './answers-source';

export interface EscrowTarget {
  /** base64url raw X25519 public key, from the answers file. */
  readonly publicKey: string;
  /** Where the answers file came from (folder or stick): the sealed copy goes beside it. */
  readonly source: AnswersSource;
  readonly answersDigest: string;
}

const info = (luksUuid: string) => utf8Encode(ESCROW_INFO_PREFIX + luksUuid);

/** Seals and writes `<LUKS UUID>.escrow.json` beside the answers file; returns how it is named. */
export async function writeEscrow(
  target: EscrowTarget,
  machine: { luksUuid: string; installId: string; now: Date },
  recoveryKey: Uint8Array,
): Promise<string> {
  const sealed = await hpkeSeal(target.publicKey, info(machine.luksUuid), utf8Encode(machine.installId), recoveryKey);
  const file: EscrowFile = {
    type: 'spectrum-firstboot-escrow',
    version: 1,
    suite: SEAL_SUITE,
    luksUuid: machine.luksUuid,
    installId: machine.installId,
    answersDigest: target.answersDigest,
    createdAt: machine.now.toISOString(),
    sealed,
  };
  const name = escrowFileName(machine.luksUuid);
  await target.source.write(name, utf8Encode(JSON.stringify(EscrowFileSchema.parse(file), null, 2) + '\n'), 0o600);
  return target.source.fileName(name);
}

export class EscrowError extends Error {}

/** The raw private key of an X25519 PKCS#8 PEM file. */
export function readEscrowPrivateKey(pemFile: string): Uint8Array {
  let key: KeyObject;
  try {
    key = createPrivateKey(readFileSync(pemFile));
  } catch (e) {
    throw new EscrowError(`${pemFile} is not a readable PEM private key (${(e as NodeJS.ErrnoException).code ?? 'not PEM'})`);
  }
  if (key.asymmetricKeyType !== 'x25519') throw new EscrowError(`${pemFile} is not an X25519 key`);
  const jwk = key.export({ format: 'jwk' });
  if (typeof jwk.d !== 'string') throw new EscrowError(`${pemFile} holds no private key`);
  return new Uint8Array(Buffer.from(jwk.d, 'base64url'));
}

/** The recovery key inside an escrow file, with the escrow private key. */
export async function openEscrow(
  fileText: string,
  privateKey: Uint8Array,
): Promise<{ readonly recoveryKey: string; readonly escrow: EscrowFile }> {
  let value: unknown;
  try {
    value = JSON.parse(fileText);
  } catch {
    throw new EscrowError('the file is not JSON');
  }
  const parsed = EscrowFileSchema.safeParse(value);
  if (!parsed.success)
    throw new EscrowError(
      `the file is not an escrow file: ${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''}`.trim(),
    );
  const escrow = parsed.data;
  const opened = await hpkeOpen(await privateKeyFromRaw(privateKey), info(escrow.luksUuid), utf8Encode(escrow.installId), escrow.sealed);
  const text = opened === null ? null : utf8Decode(opened);
  if (text === null)
    throw new EscrowError('the sealed recovery key does not open with this key (another escrow key, or the file was changed)');
  if (!RECOVERY_KEY_PATTERN.test(text)) throw new EscrowError('the sealed content is not a recovery key');
  return { recoveryKey: text, escrow };
}
