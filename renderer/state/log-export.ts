// The text of "Export log": what happened, for whoever helps the person. Choices and the host's
// messages only: no secret is in the state this reads (see persistence.ts for the same rule).
import { makesRecoveryKey } from '../../shared/plan/unlock-methods';
import type { WizardStore } from './types';

export function formatLogExport(state: Pick<WizardStore, 'boot' | 'choices' | 'install'>): string {
  const { boot, choices, install } = state;
  const lines = [
    'Spectrum first boot: installation log',
    `exported: ${new Date().toISOString()}`,
    `wizard: ${boot.app?.version ?? 'unknown'} (${boot.app?.runtime ?? 'unknown'}${boot.app?.sandbox ? ', sandbox' : ''})`,
    `helper: ${boot.helper?.helper ?? 'unknown'}`,
    `locale: ${choices.locale}; keyboard: ${choices.keyboard.layout}${choices.keyboard.variant ? `(${choices.keyboard.variant})` : ''}`,
    `profile: ${choices.profile ?? '-'}; apps: ${choices.apps.join(', ') || '-'}`,
    `encryption: ${choices.encryption.method ?? '-'}; recovery key: ${makesRecoveryKey(choices.encryption) ? 'yes' : 'no'}`,
    `plan: ${install.planId ?? '-'}; phase: ${install.phase}`,
    ...(install.failure ? [`failure: ${install.failure.code} at ${install.failure.step ?? '-'}: ${install.failure.message}`] : []),
    ...(install.failure?.details ?? []).map((d) => `  ${d.path}: ${d.problem}`),
    '',
    ...install.steps.map((s) => `step ${s.id}: ${s.state}${s.reason ? ` (${s.reason})` : ''}`),
    '',
    ...install.log.map((l) => `${new Date(l.at).toISOString()} ${l.text}`),
  ];
  return lines.join('\n') + '\n';
}
