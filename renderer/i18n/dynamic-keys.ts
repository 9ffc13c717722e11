// Where the values of every dynamic key come from (t(`errors:code.${code}`) and the like), so
// the locale checks can enumerate them instead of skipping them (renderer/i18n/keys.test.ts).
// A new template key in the source fails those checks until it is listed here.
import catalog from '../../assets/catalog.json';
import translationKeys from '@zxcvbn-ts/core/dist/data/translationKeys';
import { ANSWERS_ERROR_CODES } from '../../shared/answers/answers-errors';
import { IPC_ERROR_CODES } from '../../shared/ipc/contract';
import { PROFILES, SYSTEM_VMS } from '../../shared/plan/profiles';
import { ENCRYPTION_METHODS } from '../../shared/plan/unlock-methods';
import { USB_STICK_PROBLEMS } from '../../shared/protocol/usb-messages';
import { STEP_IDS, STEP_STATES } from '../../shared/plan/steps';
import { PROTOCOL_ERROR_CODES, STEP_FAILURE_CODES } from '../../shared/protocol/error-codes';
import { DESCRIBED_LAYOUTS } from '../state/keyboard-layouts';
import { UNATTENDED_STOPS } from '../state/actions/unattended';
import { PARTITION_ROLES } from '../../shared/protocol/host-facts';
import { WIZARD_PAGES } from '../state/pages';
import { REVIEW_MODES } from './review';

export interface DynamicKeyFamily {
  /** `ns:pattern` as the source writes it, `*` for each substitution. */
  readonly pattern: string;
  readonly values: readonly string[];
  /**
   * false: the source gives a fallback (defaultValue), so a value may have no key of its own;
   * a key that exists must still be one of the values.
   */
  readonly required: boolean;
}

/** Codes the wizard can show: IPC, protocol and step failures, and its own two. */
export const ERROR_CODES: readonly string[] = [
  ...new Set([...IPC_ERROR_CODES, ...PROTOCOL_ERROR_CODES, ...STEP_FAILURE_CODES, 'ipc-disconnected', 'failed-earlier']),
];

const APP_IDS = catalog.filter((e) => e.kind === 'app').map((e) => e.id);
const ACCESSIBILITY = ['highContrast', 'largeText', 'reduceMotion', 'screenReader'];
/** StrengthMeter's crack-time buckets and zxcvbn's score range. */
const CRACK_TIMES = ['lessThanMinute', 'minutes', 'hours', 'days', 'years', 'centuries'];
const SCORES = ['0', '1', '2', '3', '4'];

const family = (pattern: string, values: readonly string[], required = true): DynamicKeyFamily => ({ pattern, values, required });

export const DYNAMIC_KEYS: readonly DynamicKeyFamily[] = [
  family('errors:code.*', ERROR_CODES),
  family('answers:refused.code.*', ANSWERS_ERROR_CODES),
  family('answers:stop.*', UNATTENDED_STOPS),
  family('errors:advice.*', ERROR_CODES, false),
  family('progress:step.*', STEP_IDS),
  family('progress:state.*', STEP_STATES),
  // Skip reasons come from the host; `sandbox` is the one it sends, anything else reads "not needed".
  family('progress:skipReason.*', ['sandbox', 'unknown']),
  family('catalog:vm.*.name', SYSTEM_VMS),
  family('catalog:vm.*.why', SYSTEM_VMS),
  family('catalog:app.*.name', APP_IDS),
  family('catalog:app.*.description', APP_IDS),
  family(
    'keyboard:layout.*',
    DESCRIBED_LAYOUTS.map((l) => l.id),
  ),
  family('common:page.*', [...WIZARD_PAGES, 'install']),
  family('common:review.*', REVIEW_MODES),
  family('profile:*.title', PROFILES),
  family('profile:*.summary', PROFILES),
  family('encryption:method.*.label', ENCRYPTION_METHODS),
  family('encryption:method.*.hint', ENCRYPTION_METHODS),
  family('encryption:usb.problem.*', USB_STICK_PROBLEMS),
  family('encryption:strength.level.*', SCORES),
  family('encryption:strength.crackTime.*', CRACK_TIMES),
  family('encryption:strength.warning.*', Object.keys(translationKeys.warnings)),
  family('encryption:strength.suggestion.*', Object.keys(translationKeys.suggestions)),
  family('welcome:accessibility.*.label', ACCESSIBILITY),
  family('welcome:accessibility.*.hint', ACCESSIBILITY),
  family('summary:disk.role.*', PARTITION_ROLES),
  family('summary:warn.iommu.*.title', ['absent', 'unknown']),
  family('summary:warn.iommu.*.text', ['absent', 'unknown']),
];

/** The keys a family stands for: `errors:code.*` × codes → `errors:code.busy`, … */
export function expandFamily(f: DynamicKeyFamily): string[] {
  return f.values.map((v) => f.pattern.replace(/\*/g, v));
}
