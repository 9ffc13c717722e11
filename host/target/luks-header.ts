// What the helper reads of a LUKS2 header on the target, without a key and without writing: the
// binary header's label, subsystem and UUID, and from its JSON metadata the keyslots and tokens
// (docs/protocol.md §7.2 decides with them whether the header is this installation's unfinished
// attempt).
import type { Executor } from '../exec/executor';
import { Cryptsetup } from '../luks/cryptsetup';
import { findFirstbootToken, type FirstbootToken } from '../luks/luks-tokens';
import { luks2HeaderLabels } from './magic-signatures';

export interface LuksHeaderInfo {
  readonly label: string;
  readonly subsystem: string;
  /** The header's UUID ('' when the binary header cannot be read). */
  readonly uuid: string;
  /** The spectrum-firstboot token; 'unreadable' when cryptsetup could not read the header. */
  readonly firstboot: FirstbootToken | null | 'invalid' | 'unreadable';
  /** Ids of the keyslots in use. */
  readonly keyslots: readonly string[];
  /** Every token, as the header's JSON holds it. */
  readonly tokens: readonly Readonly<Record<string, unknown>>[];
}

export async function readLuksHeader(head: Uint8Array, target: string, exec: Executor): Promise<LuksHeaderInfo> {
  const labels = luks2HeaderLabels(head) ?? { label: '', subsystem: '', uuid: '' };
  try {
    const meta = await new Cryptsetup(exec, target).metadata();
    return {
      ...labels,
      firstboot: findFirstbootToken(meta),
      keyslots: Object.keys(meta.keyslots).sort(),
      tokens: Object.values(meta.tokens),
    };
  } catch {
    return { ...labels, firstboot: 'unreadable', keyslots: [], tokens: [] };
  }
}
