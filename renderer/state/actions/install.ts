// The install: the one point of no return, then the host's progress, failure, retry and done.
import type { Choices } from '../../../shared/plan/choices';
import type { InstallEvent, InstallStarted, IpcError, IpcResult } from '../../../shared/ipc/contract';
import type { WizardHelperState } from '../../../shared/protocol/messages';
import { base64url } from '../../../shared/util/bytes';
import type { StoreDeps } from '../deps';
import { emptySecrets, initialFido2 } from '../defaults';
import {
  anythingWritten,
  appendLog,
  initialInstall,
  reduceInstallEvent,
  startsOver,
  stepsFromStatus,
  type InstallFailure,
  type InstallState,
} from '../install-progress';
import { makesRecoveryKey } from '../../../shared/plan/unlock-methods';
import type { GetState, InstallActions, SetState, WizardStore } from '../types';
import { firstInvalidPage } from '../validators';
import { formatLogExport } from '../log-export';
import { arriveOnPage, newRecoveryKey } from './navigation';

/** Errors after which nothing can go on in this session. */
export const FATAL_CODES = ['signing-key-missing', 'helper-protocol'] as const;

export function isFatalCode(code: string): boolean {
  return (FATAL_CODES as readonly string[]).includes(code);
}

export function failureFromError(error: IpcError): InstallFailure {
  return { source: 'start', code: error.code, step: null, message: error.message, retryable: true, details: error.details ?? [] };
}

/**
 * The one place the wizard's draft becomes the plan's Choices (install.start and the summary's
 * plan preview): what is not chosen yet takes the default.
 */
export function ipcChoices(state: Pick<WizardStore, 'choices'>): Choices {
  const c = state.choices;
  const method = c.encryption.method ?? 'passphrase';
  return {
    locale: c.locale,
    keyboard: { ...c.keyboard },
    accessibility: { ...c.accessibility },
    profile: c.profile ?? 'minimal',
    apps: c.profile === 'minimal' ? [] : [...c.apps],
    transientApps: c.transientApps.filter((a) => c.apps.includes(a)),
    encryption: {
      method,
      recoveryKey: makesRecoveryKey({ method, recoveryKey: c.encryption.recoveryKey }),
      ...(method === 'usb-key' && c.encryption.usbKey ? { usbKey: { ...c.encryption.usbKey } } : {}),
    },
  };
}

/** The secrets part of install.start: only what the chosen method needs. */
export function ipcSecrets(state: Pick<WizardStore, 'choices' | 'secrets' | 'fido2'>) {
  const c = state.choices;
  const secrets: { passphrase?: string; fido2EnrollmentId?: string; recoveryKey?: string } = {};
  if (c.encryption.method === 'passphrase') secrets.passphrase = state.secrets.passphrase;
  if (c.encryption.method === 'fido2' && state.fido2.enrollment) secrets.fido2EnrollmentId = state.fido2.enrollment.enrollmentId;
  if (makesRecoveryKey(c.encryption) && state.secrets.recoveryKey) secrets.recoveryKey = state.secrets.recoveryKey;
  return secrets;
}

export function installActions(
  set: SetState,
  get: GetState,
  deps: StoreDeps,
  saving: { flushSaves(): void },
): InstallActions & {
  adoptHelperState(helperState: WizardHelperState): Promise<void>;
} {
  const setInstall = (change: Partial<InstallState> | ((i: InstallState) => InstallState)) => {
    const current = get().install;
    set({ install: typeof change === 'function' ? change(current) : { ...current, ...change } });
  };
  const log = (text: string) => setInstall((i) => appendLog(i, deps.now(), text));
  /**
   * Events that arrive while install.start is still answering; replayed once the plan id is known.
   * Not store state: raw events on their way into the install slice, shown nowhere, never saved.
   */
  let early: InstallEvent[] = [];

  const fail = (failure: InstallFailure) => {
    if (isFatalCode(failure.code)) {
      set({ boot: { ...get().boot, status: 'fatal', fatalCode: failure.code } });
    }
    setInstall((i) => appendLog({ ...i, phase: 'failed', failure }, deps.now(), `error: ${failure.code}: ${failure.message}`));
    set({ nav: { ...get().nav, page: 'failure' } });
  };

  const started = (r: IpcResult<InstallStarted>, what: string) => {
    if (!r.ok) {
      fail(failureFromError(r.error));
      return;
    }
    const now = deps.now();
    setInstall((i) =>
      appendLog(
        {
          ...i,
          phase: 'running',
          planId: r.value.planId,
          steps: stepsFromStatus(r.value.steps),
          failure: null,
          startedAt: i.startedAt ?? now,
          lastHeardAt: now,
          connection: 'ok',
        },
        now,
        `${what}: plan ${r.value.planId}`,
      ),
    );
    set({ nav: { ...get().nav, page: 'progress' } });
    const replay = early.filter((e) => e.kind !== 'progress' || e.progress.planId === r.value.planId);
    early = [];
    for (const e of replay) handleInstallEvent(e);
  };

  const attach = async (planId: string) => {
    started(await deps.api['install.attach']({ planId }), 'attached');
  };

  function handleInstallEvent(event: InstallEvent) {
    const before = get().install;
    if (before.phase === 'starting' && before.planId === null && event.kind !== 'connection') {
      early.push(event);
      return;
    }
    const after = reduceInstallEvent(before, event, deps.now());
    if (after === before) return;
    set({ install: after });
    if (after.phase === 'done' && before.phase !== 'done') {
      // The secrets have done their work: drop them from memory.
      set({ secrets: emptySecrets, fido2: initialFido2, nav: { ...get().nav, page: 'done' } });
    } else if (after.phase === 'failed' && before.phase !== 'failed') {
      set({ nav: { ...get().nav, page: 'failure' } });
    } else if (event.kind === 'connection' && event.state === 'restored' && after.planId && after.phase === 'running') {
      // Events may have been missed while the connection was down: ask for the current state.
      void attach(after.planId);
    }
  }

  async function startInstall() {
    const state = get();
    if (state.install.phase === 'starting' || state.install.phase === 'running') return;
    if (firstInvalidPage(state, 'summary') !== null) return;
    // The recovery page was not shown (the answers escrow the key): make the key now.
    if (makesRecoveryKey(state.choices.encryption) && !state.secrets.recoveryKey)
      set({ secrets: { ...state.secrets, ...newRecoveryKey(deps) } });
    const installId = state.install.installId ?? base64url.encode(deps.randomBytes(16));
    early = [];
    setInstall((i) => appendLog({ ...i, installId, phase: 'starting', failure: null, planId: null }, deps.now(), 'install requested'));
    // The install id is on disk before the host may act on it: a restart then finds the same installation.
    saving.flushSaves();
    const r = await deps.api['install.start']({ installId, choices: ipcChoices(state), secrets: ipcSecrets(get()) });
    started(r, 'accepted');
  }

  /** After an interrupted plan: a new plan of the same installation (same installId). */
  async function startOver() {
    // A security key's enrollment was spent when the first plan was accepted: set it up again.
    if (get().choices.encryption.method === 'fido2') set({ fido2: initialFido2 });
    setInstall((i) =>
      appendLog({ ...i, phase: 'idle', planId: null, steps: [], failure: null }, deps.now(), 'starting over with a new plan'),
    );
    const blocked = firstInvalidPage(get(), 'summary');
    if (blocked) {
      set(arriveOnPage(get(), blocked, deps));
      return;
    }
    set({ nav: { ...get().nav, page: 'summary' } });
    await startInstall();
  }

  return {
    startInstall,

    async retry() {
      const { install } = get();
      if (install.phase !== 'failed') return;
      if (startsOver(install.failure)) {
        await startOver();
        return;
      }
      if (install.planId && install.failure?.source === 'step') {
        setInstall((i) => appendLog({ ...i, phase: 'running', failure: null }, deps.now(), 'retry requested'));
        set({ nav: { ...get().nav, page: 'progress' } });
        started(await deps.api['install.retry']({ planId: install.planId }), 'retrying');
        return;
      }
      if (install.planId) {
        await attach(install.planId);
        return;
      }
      set({ nav: { ...get().nav, page: 'summary' } });
      await startInstall();
    },

    backToChoices() {
      const { install } = get();
      if (install.phase !== 'failed' || anythingWritten(install)) return;
      setInstall({ ...install, phase: 'idle', failure: null, planId: null, steps: [] });
      set({ nav: { ...get().nav, page: 'summary' } });
    },

    async exportLog() {
      set({ logExport: { status: 'saving', path: null, code: null } });
      const r = await deps.api['log.export']({ text: formatLogExport(get()) });
      set({ logExport: r.ok ? { status: 'saved', path: r.value.path, code: null } : { status: 'failed', path: null, code: r.error.code } });
    },

    async restart() {
      set({ restartRequested: true });
      saving.flushSaves();
      const r = await deps.api['app.restart']({});
      if (!r.ok || !r.value.restarting) set({ restartRequested: false });
    },

    handleInstallEvent,

    async adoptHelperState(helperState) {
      const { install } = get();
      if (helperState.phase === 'fresh') {
        // The host holds no plan: a persisted plan id is stale.
        if (install.planId) setInstall({ ...initialInstall, installId: install.installId, log: install.log });
        return;
      }
      const steps = stepsFromStatus(helperState.steps);
      const now = deps.now();
      if (helperState.phase === 'provisioned') {
        setInstall((i) =>
          appendLog({ ...i, planId: helperState.planId, steps, phase: 'done' }, now, `host reports plan ${helperState.planId} provisioned`),
        );
        set({ nav: { ...get().nav, page: 'done' } });
        return;
      }
      if (helperState.phase === 'failed') {
        const failed = steps.find((s) => s.state === 'failed')?.id ?? null;
        setInstall((i) =>
          appendLog(
            {
              ...i,
              planId: helperState.planId,
              steps,
              phase: 'failed',
              failure: {
                source: 'step',
                code: 'failed-earlier',
                step: failed,
                message: 'the host reports an earlier failed attempt',
                retryable: true,
                details: [],
              },
            },
            now,
            `host reports plan ${helperState.planId} failed`,
          ),
        );
        set({ nav: { ...get().nav, page: 'failure' } });
        return;
      }
      setInstall((i) => ({ ...i, planId: helperState.planId, steps, phase: 'running', startedAt: i.startedAt ?? now, lastHeardAt: now }));
      set({ nav: { ...get().nav, page: 'progress' } });
      log(`host reports plan ${helperState.planId} applying`);
      await attach(helperState.planId);
    },
  };
}
