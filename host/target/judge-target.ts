// docs/protocol.md §7 "Nothing is lost": may this target be formatted for this installation?
// Blank, yes. A LUKS header, only if it is this installation's unfinished attempt: this
// installation's journal names that very header, or, without such a journal, the header still
// looks as `userdata-format` leaves it (keyslot 0 alone, no token but ours as first written).
// A header that got further (an enrolled key, a keyboard token, a finished token removed) is
// somebody's data now, whatever its label says.
import { FIRSTBOOT_SUBSYSTEM, FIRSTBOOT_TOKEN_TYPE, KEYSLOTS, type FirstbootToken } from '../luks/luks-tokens';
import type { LuksHeaderInfo } from './luks-header';
import type { TargetProbe } from './probe-target';

export type TargetVerdict =
  | { readonly kind: 'blank' }
  /** An interrupted attempt of the same installation: ours to format again. */
  | { readonly kind: 'ours-interrupted' }
  | { readonly kind: 'provisioned'; readonly token: FirstbootToken }
  | { readonly kind: 'in-use'; readonly reason: string };

/** What this helper's own records say about an installation (its journal or its current plan). */
export interface InstallationRecord {
  /** The LUKS UUID of the header this installation last formatted, when its format finished. */
  readonly luksUuid?: string;
  /** Whether `userdata-format` ran (began) for it. */
  readonly formatRan: boolean;
}

/** Only a LUKS header and nothing else is a candidate for "ours". */
function onlyLuks(probe: TargetProbe): boolean {
  return probe.signatures.length === 1 && probe.signatures[0] === 'crypto_LUKS' && probe.luks !== null;
}

/** The completion token of a header this helper finished, whatever the installation. */
export function completedToken(probe: TargetProbe): FirstbootToken | null {
  if (!onlyLuks(probe)) return null;
  const token = probe.luks!.firstboot;
  return typeof token === 'object' && token !== null && token.completedAt ? token : null;
}

/** The firstboot token of a header this helper started but did not finish. */
export function unfinishedToken(probe: TargetProbe): FirstbootToken | null {
  if (!onlyLuks(probe)) return null;
  const token = probe.luks!.firstboot;
  return typeof token === 'object' && token !== null && !token.completedAt ? token : null;
}

/** The spectrum-firstboot token exactly as `userdata-format` first writes it. */
function isInitialFirstbootToken(token: Readonly<Record<string, unknown>>, installId: string): boolean {
  const keys = Object.keys(token).sort().join();
  return (
    keys === 'installId,keyslots,planId,type' &&
    token.type === FIRSTBOOT_TOKEN_TYPE &&
    token.installId === installId &&
    Array.isArray(token.keyslots) &&
    token.keyslots.length === 0
  );
}

/** As `luksFormat` and the first token leave a header: keyslot 0 alone, no other token. */
export function looksFreshlyFormatted(luks: LuksHeaderInfo, installId: string): boolean {
  return luks.keyslots.join() === String(KEYSLOTS.primary) && luks.tokens.every((t) => isInitialFirstbootToken(t, installId));
}

export function judgeTarget(probe: TargetProbe, installId: string, record: InstallationRecord | null): TargetVerdict {
  if (probe.signatures.length === 0) return { kind: 'blank' };
  if (!onlyLuks(probe)) return { kind: 'in-use', reason: `the user-data target holds data (${probe.signatures.join(', ')})` };
  const luks = probe.luks!;
  const token = luks.firstboot;
  if (token === 'unreadable' || token === 'invalid') {
    return { kind: 'in-use', reason: 'the user-data target holds a LUKS header that cannot be identified' };
  }
  if (token?.completedAt) return { kind: 'provisioned', token };
  // luksFormat writes label and subsystem atomically with the header; the token follows a moment
  // later. A crash between the two leaves a header that is still recognisably ours.
  const labelled = token === null ? luks.subsystem === FIRSTBOOT_SUBSYSTEM && luks.label === installId : token.installId === installId;
  if (!labelled) {
    return {
      kind: 'in-use',
      reason: token ? 'the user-data target holds a LUKS volume of another installation' : 'the user-data target holds a LUKS volume',
    };
  }
  if (record?.luksUuid !== undefined && luks.uuid !== '' && record.luksUuid === luks.uuid) return { kind: 'ours-interrupted' };
  if (record !== null && !record.formatRan) {
    return { kind: 'in-use', reason: "the user-data target holds a LUKS volume this installation's journal does not know" };
  }
  if (!looksFreshlyFormatted(luks, installId)) {
    return { kind: 'in-use', reason: 'the user-data target holds a LUKS volume that was set up beyond its format (keys or tokens added)' };
  }
  return { kind: 'ours-interrupted' };
}
