// The application steps of docs/protocol.md §6.1, in order. Ids are stable wire values.

export const STEP_IDS = [
  'userdata-format',
  'userdata-enroll',
  'userdata-open',
  'userdata-mkfs',
  'userdata-mount',
  'vm-definitions',
  'system-config',
  'vm-import',
  'receipt',
] as const;
export type StepId = (typeof STEP_IDS)[number];

export const STEP_STATES = ['pending', 'running', 'done', 'skipped', 'failed'] as const;
export type StepState = (typeof STEP_STATES)[number];

/**
 * Relative cost of each step on a real host, for a progress bar that moves honestly: the
 * key derivation of luksFormat and the keyslot enrollment dominate.
 */
export const STEP_WEIGHTS: Readonly<Record<StepId, number>> = {
  'userdata-format': 30,
  'userdata-enroll': 25,
  'userdata-open': 8,
  'userdata-mkfs': 8,
  'userdata-mount': 3,
  'vm-definitions': 10,
  'system-config': 3,
  'vm-import': 10,
  receipt: 3,
};

export function isFinishedState(state: StepState): boolean {
  return state === 'done' || state === 'skipped';
}
