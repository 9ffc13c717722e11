// The person's choices as the plan builder takes them: the one description of the choices. The
// IPC contract validates install.start with this schema, buildPlanPayload takes its type, and the
// wizard's draft (renderer/state/types.ts, which allows "not chosen yet") maps to it in one place
// (renderer/state/actions/install.ts, ipcChoices).
import { z } from 'zod';
import { AccessibilitySchema, KeyboardSchema } from './plan-schema';
import { PROFILES } from './profiles';
import { ENCRYPTION_METHODS } from './unlock-methods';
import { UsbKeyChoiceSchema } from './usb-key';

export const ChoicesSchema = z.strictObject({
  locale: z.string().max(35),
  keyboard: KeyboardSchema,
  accessibility: AccessibilitySchema,
  profile: z.enum(PROFILES),
  apps: z.array(z.string().max(32)).max(64).readonly(),
  /** App VMs chosen not to keep their files (every other app VM keeps them). */
  transientApps: z.array(z.string().max(32)).max(64).readonly().optional(),
  encryption: z.strictObject({ method: z.enum(ENCRYPTION_METHODS), recoveryKey: z.boolean(), usbKey: UsbKeyChoiceSchema.optional() }),
});
export type Choices = z.infer<typeof ChoicesSchema>;
