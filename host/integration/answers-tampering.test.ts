// A tampered answers file is refused before anything is touched, each way with its own error:
// in the helper's hello (and its log), by `npm run answers -- verify`, and a plan that claims
// the file is refused while the user-data target stays as it was (all zeros).
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANSWERS_PAYLOAD_TYPE } from '../../shared/answers/answers-schema';
import { PLAN_PAYLOAD_TYPE } from '../../shared/plan/plan-schema';
import { formatRecoveryKey } from '../../shared/plan/recovery-key';
import type { Envelope } from '../../shared/protocol/messages';
import { base64 } from '../../shared/util/bytes';
import { main as answersCli } from '../answers/cli/answers-cli';
import { fleetAnswers, makeOrganization, placeAnswers, signAnswers, type Organization } from '../test-support/answers-maker';
import { HelperClient } from '../test-support/helper-client';
import { makePlan } from '../test-support/plan-maker';
import { makeTempDir, startSandbox } from '../test-support/sandbox-helper';

interface Case {
  readonly name: string;
  readonly code: string;
  /** The file as placed, and its name in the answers folder. */
  readonly make: (org: Organization) => { content: Envelope | string; name?: string };
}

const text = fleetAnswers({});

const CASES: Case[] = [
  {
    name: 'one byte of the payload changed after signing',
    code: 'bad-signature',
    make: (org) => {
      const env = signAnswers(text, org.signingKey);
      const bytes = base64.decode(env.payload)!;
      const at = Buffer.from(bytes).indexOf('common'); // "common" → "bommon"
      bytes[at] = bytes[at]! ^ 0x01;
      return { content: { ...env, payload: base64.encode(bytes) } };
    },
  },
  {
    name: 'signed by a key the machine does not trust',
    code: 'untrusted-key',
    make: () => ({ content: signAnswers(text, generateKeyPairSync('ed25519').privateKey) }),
  },
  {
    name: 'an unknown field, signed by the organization',
    code: 'unknown-field',
    make: (org) => ({ content: signAnswers(text + 'wallpaper: blue\n', org.signingKey) }),
  },
  {
    name: 'a secret field, signed by the organization',
    code: 'secret-field',
    make: (org) => ({ content: signAnswers(text + 'passphrase: correct horse battery staple\n', org.signingKey) }),
  },
  { name: 'answers that were never signed', code: 'not-signed', make: () => ({ content: text, name: 'answers.yaml' }) },
  {
    name: 'a signed envelope of another type',
    code: 'bad-payload-type',
    make: (org) => ({ content: { ...signAnswers(text, org.signingKey), payloadType: PLAN_PAYLOAD_TYPE } }),
  },
];

function firstBytes(file: string, n: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(n);
    readSync(fd, buf, 0, n, 0);
    return buf;
  } finally {
    closeSync(fd);
  }
}

describe('a tampered answers file', () => {
  let orgDir: string;
  let org: Organization;
  beforeAll(() => {
    orgDir = makeTempDir('spectrum-org-');
    org = makeOrganization(orgDir);
  });
  afterAll(() => rmSync(orgDir, { recursive: true, force: true }));

  it('is refused with a different code for each kind of tampering', () => {
    expect(new Set(CASES.map((c) => c.code)).size).toBe(CASES.length);
    expect(ANSWERS_PAYLOAD_TYPE).not.toBe(PLAN_PAYLOAD_TYPE);
  });

  for (const c of CASES) {
    it(`${c.name}: refused (${c.code}) by the helper and by verify, and nothing is touched`, async () => {
      const dir = makeTempDir();
      const { content, name } = c.make(org);
      const file = placeAnswers(dir, content, name);
      const sb = await startSandbox({ trustedKeysDir: org.trustedKeysDir }, dir);
      try {
        const image = path.join(dir, 'userdata.img');
        const { client, hello } = await HelperClient.open(sb.helper.socketPath);
        expect(hello.answers).toMatchObject({ status: 'refused', code: c.code });
        expect(readFileSync(path.join(dir, 'helper.log'), 'utf8')).toMatch(new RegExp(`"event":"answers-refused".*"code":"${c.code}"`));

        // A plan that claims the file is refused, and the disk is not touched.
        const plan = await makePlan({
          hello,
          signer: sb.signer,
          answersDigest: createHash('sha256').update(readFileSync(file)).digest('hex'),
          secrets: { passphrase: 'correct horse battery staple', recoveryKey: formatRecoveryKey(randomBytes(32)) },
        });
        client.send(plan.frame);
        const [answer] = await client.untilEnd();
        client.close();
        expect(answer).toMatchObject({ type: 'error', code: 'invalid-plan', details: [{ path: '/answers/digest' }] });
        expect(firstBytes(image, 1 << 20).every((b) => b === 0)).toBe(true);

        let err = '';
        const code = await answersCli(['verify', '--trusted-keys', org.trustedKeysDir, file], {
          out: () => undefined,
          err: (t) => void (err += t),
        });
        expect(code).toBe(1);
        expect(err).toContain(`refused (${c.code})`);
        expect(err).not.toContain('correct horse battery staple');
      } finally {
        await sb.dispose();
      }
    });
  }

  it('names the line of an unknown field and of a secret field', async () => {
    const dir = makeTempDir('spectrum-org-');
    try {
      for (const [extra, code, line] of [
        ['wallpaper: blue', 'unknown-field', 10],
        ['fido2Pin: "123456"', 'secret-field', 10],
      ] as const) {
        const file = path.join(dir, `${code}.signed.json`);
        writeFileSync(file, JSON.stringify(signAnswers(text + extra + '\n', org.signingKey)));
        let err = '';
        await answersCli(['verify', '--trusted-keys', org.trustedKeysDir, file], {
          out: () => undefined,
          err: (t) => void (err += t + '\n'),
        });
        expect(err).toContain(`refused (${code})`);
        expect(err).toMatch(new RegExp(`signed text line ${line}, column 1: /${extra.split(':')[0]}:`));
        expect(err).not.toContain('123456');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
