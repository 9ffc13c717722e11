// docs/protocol.md §7 "Nothing is lost": may this target be formatted for this installation?
import { FIRSTBOOT_SUBSYSTEM, type FirstbootToken } from '../luks/luks-tokens';
import type { TargetProbe } from './probe-target';

export type TargetVerdict =
  | { readonly kind: 'blank' }
  /** An interrupted attempt of the same installation: ours to format again. */
  | { readonly kind: 'ours-interrupted' }
  | { readonly kind: 'provisioned'; readonly token: FirstbootToken }
  | { readonly kind: 'in-use'; readonly reason: string };

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

export function judgeTarget(probe: TargetProbe, installId: string): TargetVerdict {
  if (probe.signatures.length === 0) return { kind: 'blank' };
  if (!onlyLuks(probe)) return { kind: 'in-use', reason: `the user-data target holds data (${probe.signatures.join(', ')})` };
  const luks = probe.luks!;
  const token = luks.firstboot;
  if (token === 'unreadable' || token === 'invalid') {
    return { kind: 'in-use', reason: 'the user-data target holds a LUKS header that cannot be identified' };
  }
  if (token === null) {
    // luksFormat writes label and subsystem atomically with the header; the token follows a moment
    // later. A crash between the two leaves a header that is still recognisably ours.
    if (luks.subsystem === FIRSTBOOT_SUBSYSTEM && luks.label === installId) return { kind: 'ours-interrupted' };
    return { kind: 'in-use', reason: 'the user-data target holds a LUKS volume' };
  }
  if (token.completedAt) return { kind: 'provisioned', token };
  if (token.installId !== installId) return { kind: 'in-use', reason: 'the user-data target holds a LUKS volume of another installation' };
  return { kind: 'ours-interrupted' };
}
