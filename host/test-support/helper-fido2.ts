// The wizard's side of protocol 1.1's security-key messages, for tests: list, enroll (with the
// PIN sealed to the connection's session) and the touch prompts seen on the way.
import { sealPin } from '../../shared/protocol/seal';
import { HelperClient, type Received } from './helper-client';

export interface EnrollOutcome {
  /** Every frame after the request, the answer last. */
  readonly frames: Received[];
  readonly answer: Received;
  readonly touches: number;
}

async function untilAnswer(client: HelperClient): Promise<EnrollOutcome> {
  const frames: Received[] = [];
  for (;;) {
    const f = await client.next(60_000);
    frames.push(f);
    if (f.type !== 'fido2-prompt') return { frames, answer: f, touches: frames.filter((x) => x.type === 'fido2-prompt').length };
  }
}

export async function fido2Keys(socketPath: string): Promise<Received> {
  const { client } = await HelperClient.open(socketPath);
  client.send({ type: 'fido2-devices' });
  const answer = await client.next();
  client.close();
  return answer;
}

export async function enrollAtHelper(socketPath: string, deviceId: string, pin?: string): Promise<EnrollOutcome> {
  const { client, hello } = await HelperClient.open(socketPath);
  const sealed = pin === undefined ? null : await sealPin(hello.seal.publicKey, hello.session, hello.nonce, pin);
  client.send({ type: 'fido2-enroll', deviceId, pin: sealed });
  try {
    return await untilAnswer(client);
  } finally {
    client.close();
  }
}

export async function verifyAtHelper(socketPath: string, enrollmentId: string, pin?: string): Promise<EnrollOutcome> {
  const { client, hello } = await HelperClient.open(socketPath);
  const sealed = pin === undefined ? null : await sealPin(hello.seal.publicKey, hello.session, hello.nonce, pin);
  client.send({ type: 'fido2-verify', enrollmentId, pin: sealed });
  try {
    return await untilAnswer(client);
  } finally {
    client.close();
  }
}
