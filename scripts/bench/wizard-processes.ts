// The wizard as the browser sections see it: a helper on a fresh sandbox and a browser-preview
// server with a fresh state folder in front of it, both from the run's copy of dist/.
import path from 'node:path';
import { startNode, type Child } from './children';
import type { Snapshot } from './snapshot';

export interface Wizard {
  /** The preview's URL, token included. */
  readonly url: string;
  readonly origin: string;
  stop(): Promise<void>;
}

export async function startWizard(snap: Snapshot, dir: string): Promise<Wizard> {
  const helper = await startNode(snap.helper, ['--sandbox', path.join(dir, 'sandbox'), '--fast-kdf'], 'helper');
  let preview: Child;
  try {
    preview = await startNode(
      snap.previewServer,
      ['--socket', helper.ready.socket!, '--signing-key', helper.ready.signingKey!, '--state-dir', path.join(dir, 'state'), '--renderer-dir', snap.rendererDir, '--sandbox', '--simulated-fido2'],
      'preview server',
    );
  } catch (e) {
    await helper.stop();
    throw e;
  }
  const url = preview.ready.url!;
  return { url, origin: new URL(url).origin, stop: async () => void (await Promise.all([preview.stop(), helper.stop()])) };
}
