// The steps of docs/protocol.md §6.1, in the order of STEP_IDS.
import { STEP_IDS } from '../../../shared/plan/steps';
import type { StepDefinition } from '../step-types';
import { receipt } from './receipt';
import { systemConfig } from './system-config';
import { userdataEnroll } from './userdata-enroll';
import { userdataFormat } from './userdata-format';
import { userdataMkfs } from './userdata-mkfs';
import { userdataMount } from './userdata-mount';
import { userdataOpen } from './userdata-open';
import { vmDefinitions } from './vm-definitions';
import { vmImport } from './vm-import';

export const ALL_STEPS: readonly StepDefinition[] = [
  userdataFormat,
  userdataEnroll,
  userdataOpen,
  userdataMkfs,
  userdataMount,
  vmDefinitions,
  systemConfig,
  vmImport,
  receipt,
];

if (ALL_STEPS.map((s) => s.id).join() !== STEP_IDS.join()) throw new Error('ALL_STEPS is out of step with STEP_IDS');
