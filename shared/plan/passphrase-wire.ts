// The passphrase's schema where it travels (install.start, the sealed secrets), from the bound
// secret-policy.ts sets; a module of its own so the policy's rules need no schema library.
import { z } from 'zod';
import { PASSPHRASE_WIRE_MAX_UTF16_UNITS } from './secret-policy';

export const PassphraseWireSchema = z.string().max(PASSPHRASE_WIRE_MAX_UTF16_UNITS);
