// The provisioning plan (docs/protocol.md §4.3): schema, rule checks and the payload builder.
// One schema serves the wizard (Show plan, before signing) and the helper (after verifying).
import { z } from 'zod';
import { base64, base64url } from '../util/bytes';
import { type Catalog, requiredBytes } from './catalog';
import { PROFILES, SYSTEM_VMS, describeProfileProblem, profileProblems } from './profiles';
import { isUnlockLayout } from '../keyboard/unlock-keymaps';
import { ENCRYPTION_METHODS, alwaysMakesRecoveryKey } from './unlock-methods';
import { UsbKeyChoiceSchema } from './usb-key';

export const PLAN_PAYLOAD_TYPE = 'application/vnd.spectrum.firstboot-plan+json;v=1';
export const FIDO2_RP_ID = 'io.systemd.cryptsetup';

/** base64url without padding of exactly `n` bytes. */
export const b64urlBytes = (n: number) =>
  z.string().refine((s) => base64url.decode(s)?.length === n, { message: `expected ${n} bytes in base64url` });
/** base64url without padding, any non-empty length up to `max` bytes. */
export const b64urlAny = (max: number) =>
  z.string().refine(
    (s) => {
      const b = base64url.decode(s);
      return b !== null && b.length > 0 && b.length <= max;
    },
    { message: 'expected base64url' },
  );
/** standard base64 with padding, non-empty, at most `max` bytes. */
export const b64std = (max: number) =>
  z.string().refine(
    (s) => {
      const b = base64.decode(s);
      return b !== null && b.length > 0 && b.length <= max;
    },
    { message: 'expected standard base64' },
  );

export const Rfc3339Utc = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/, 'expected an RFC 3339 UTC time');

// BCP 47 language tags, in the simple shape the wizard offers (language[-Script][-REGION]).
export const LocaleTag = z.string().regex(/^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|\d{3}))?$/, 'expected a BCP 47 language tag');
// XKB layout and variant names, one each: the characters of xkeyboard-config's names and no
// leading '-', so that no config file, shell or `loadkeys` reads one as syntax or an option.
// (Groups like "us,fi" and the "layout(variant)" form are not plan values.)
const XkbLayout = z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, 'expected an XKB layout name (a-z first, then a-z, 0-9, _)');
const XkbVariant = z
  .string()
  .regex(/^(?:[a-z0-9][a-z0-9_-]{0,63})?$/, 'expected an XKB variant name or "" (a-z, 0-9, _, - and not - first)');

export const Fido2ParamsSchema = z.strictObject({
  credential: b64std(1024),
  salt: b64std(64).refine((s) => base64.decode(s)?.length === 32, { message: 'expected a 32-byte salt' }),
  rp: z.literal(FIDO2_RP_ID),
  clientPinRequired: z.boolean(),
  upRequired: z.boolean(),
  uvRequired: z.boolean(),
});
export type Fido2Params = z.infer<typeof Fido2ParamsSchema>;

export const SealedSchema = z.strictObject({
  enc: b64urlBytes(32),
  ct: b64urlAny(4096),
});
export type Sealed = z.infer<typeof SealedSchema>;

export const AccessibilitySchema = z.strictObject({
  highContrast: z.boolean(),
  largeText: z.boolean(),
  reduceMotion: z.boolean(),
  screenReader: z.boolean(),
});
export type Accessibility = z.infer<typeof AccessibilitySchema>;

export const KeyboardSchema = z.strictObject({ layout: XkbLayout, variant: XkbVariant });
export type Keyboard = z.infer<typeof KeyboardSchema>;

export const EncryptionSchema = z.strictObject({
  method: z.enum(ENCRYPTION_METHODS),
  recoveryKey: z.boolean(),
  fido2: Fido2ParamsSchema.nullable(),
  /** Present exactly with method `usb-key`: the stick the helper listed, as the person picked it. */
  usbKey: UsbKeyChoiceSchema.optional(),
  sealed: SealedSchema,
});

/** The answers file the choices came from (docs/protocol.md, "Answers files"): its digest. */
export const PlanAnswersSchema = z.strictObject({ digest: z.string().regex(/^[0-9a-f]{64}$/, 'expected a hex sha256') });

export const PlanPayloadSchema = z.strictObject({
  schema: z.literal(1),
  installId: b64urlBytes(16),
  session: b64urlBytes(16),
  nonce: b64urlBytes(32),
  createdAt: Rfc3339Utc,
  locale: LocaleTag,
  keyboard: KeyboardSchema,
  accessibility: AccessibilitySchema,
  profile: z.enum(PROFILES),
  vms: z.strictObject({
    system: z.array(z.string()).max(16),
    apps: z.array(z.string()).max(64),
    /** App VMs that keep their files (persistent storage); absent: every app VM does. */
    persistent: z.array(z.string()).max(64).optional(),
  }),
  encryption: EncryptionSchema,
  answers: PlanAnswersSchema.optional(),
});
export type PlanPayload = z.infer<typeof PlanPayloadSchema>;

export interface PlanProblem {
  readonly path: string; // JSON Pointer into the payload
  readonly problem: string; // English, never contains a secret
}

/** JSON Pointer (RFC 6901) for a zod issue path. */
export function jsonPointer(path: readonly PropertyKey[]): string {
  return path.map((p) => '/' + String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

export type PlanCheck =
  | { readonly ok: true; readonly plan: PlanPayload }
  | { readonly ok: false; readonly code: 'invalid-plan' | 'insufficient-space'; readonly details: PlanProblem[] };

/** Structural schema only: the shape and formats of every field. */
export function parsePlanPayload(value: unknown): PlanCheck {
  const parsed = PlanPayloadSchema.safeParse(value);
  if (parsed.success) return { ok: true, plan: parsed.data };
  return {
    ok: false,
    code: 'invalid-plan',
    details: parsed.error.issues.slice(0, 32).map((i) => ({ path: jsonPointer(i.path), problem: i.message })),
  };
}

/** The rules of docs/protocol.md §4.3 and §5.4 beyond the shape: profile, sets, catalog, FIDO2 and space. */
export function checkPlanRules(plan: PlanPayload, catalog: Catalog, userDataBytes: number): PlanCheck {
  const details: PlanProblem[] = [];
  const kinds = new Map(catalog.map((e) => [e.id, e.kind]));
  const missing = new Set(catalog.filter((e) => e.availability === 'missing').map((e) => e.id));

  const seenSystem = new Set<string>();
  plan.vms.system.forEach((id, i) => {
    if (seenSystem.has(id)) details.push({ path: `/vms/system/${i}`, problem: 'duplicate VM id' });
    else if (!(SYSTEM_VMS as readonly string[]).includes(id)) details.push({ path: `/vms/system/${i}`, problem: 'not a system VM' });
    seenSystem.add(id);
  });
  for (const id of SYSTEM_VMS) {
    if (!seenSystem.has(id)) details.push({ path: '/vms/system', problem: `missing system VM ${id}` });
  }

  const seenApps = new Set<string>();
  plan.vms.apps.forEach((id, i) => {
    if (seenApps.has(id)) details.push({ path: `/vms/apps/${i}`, problem: 'duplicate app id' });
    else if (kinds.get(id) !== 'app') details.push({ path: `/vms/apps/${i}`, problem: 'unknown app id' });
    else if (missing.has(id)) details.push({ path: `/vms/apps/${i}`, problem: 'this app VM is not on this system' });
    seenApps.add(id);
  });
  const seenPersistent = new Set<string>();
  plan.vms.persistent?.forEach((id, i) => {
    if (seenPersistent.has(id)) details.push({ path: `/vms/persistent/${i}`, problem: 'duplicate app id' });
    else if (!seenApps.has(id)) details.push({ path: `/vms/persistent/${i}`, problem: 'not one of the app VMs of this plan' });
    seenPersistent.add(id);
  });
  for (const p of profileProblems(plan.profile, [...seenApps])) {
    details.push({ path: '/vms/apps', problem: describeProfileProblem(p) });
  }

  // The layout is also the unlock prompt's: it must have a console keymap (ADR 033).
  if (!isUnlockLayout(plan.keyboard))
    details.push({ path: '/keyboard', problem: 'no console keymap for this layout: the unlock prompt could not load it' });

  const enc = plan.encryption;
  if (enc.method === 'fido2') {
    if (enc.fido2 === null) details.push({ path: '/encryption/fido2', problem: 'required when method is fido2' });
  } else if (enc.fido2 !== null) {
    details.push({ path: '/encryption/fido2', problem: `must be null when method is ${enc.method}` });
  }
  if (enc.method === 'usb-key' && enc.usbKey === undefined)
    details.push({ path: '/encryption/usbKey', problem: 'required when method is usb-key' });
  if (enc.method !== 'usb-key' && enc.usbKey !== undefined)
    details.push({ path: '/encryption/usbKey', problem: `must be absent when method is ${enc.method}` });
  if (alwaysMakesRecoveryKey(enc.method) && !enc.recoveryKey)
    details.push({ path: '/encryption/recoveryKey', problem: `must be true when method is ${enc.method}` });

  if (details.length > 0) return { ok: false, code: 'invalid-plan', details };

  const need = requiredBytes(catalog, [...plan.vms.system, ...plan.vms.apps]);
  if (need > userDataBytes) {
    return {
      ok: false,
      code: 'insufficient-space',
      details: [{ path: '/vms', problem: `selection needs ${need} bytes, the user-data target has ${userDataBytes}` }],
    };
  }
  return { ok: true, plan };
}

export function validatePlan(value: unknown, catalog: Catalog, userDataBytes: number): PlanCheck {
  const shape = parsePlanPayload(value);
  return shape.ok ? checkPlanRules(shape.plan, catalog, userDataBytes) : shape;
}

/** Whether an app VM of the plan keeps its files; plans without the list keep every app's. */
export function keepsFiles(plan: PlanPayload, app: string): boolean {
  return plan.vms.persistent === undefined || plan.vms.persistent.includes(app);
}
