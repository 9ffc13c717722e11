// The protocol's minor version (docs/protocol.md, "Minor versions"). `hello` announces the
// helper's; every wizard message carries the wizard's. A wizard and a helper of different minors
// refuse each other with a clear error: each minor adds messages or plan fields the other side
// would not understand. A message without `minor` is minor 0 (before this mechanism).
import { z } from 'zod';

/** 1: USB key files (`usb-drives`, method `usb-key`), helper-side FIDO2 (`fido2-*`). */
export const PROTOCOL_MINOR = 1;

export const MinorSchema = z.number().int().min(0).max(1000);

/** The minor a received message claims: its `minor`, or 0 when it has none or a malformed one. */
export function minorOf(message: { readonly [key: string]: unknown }): number {
  const parsed = MinorSchema.safeParse(message.minor);
  return parsed.success ? parsed.data : 0;
}

export function minorMismatch(ours: number, theirs: number, side: 'helper' | 'wizard'): string {
  return `this ${side === 'helper' ? 'wizard' : 'helper'} speaks protocol 1.${ours}, the ${side} 1.${theirs}: they come from different Spectrum releases and cannot work together`;
}
