// An unattended first boot: with every section fixed by the answers, a method that needs no typed
// secret and the recovery key escrowed, the wizard sets up the unlock method itself and installs.
// Whatever needs a person after all (no key, several keys, a key with a PIN; no stick the answers
// name, or several) stops the run on the page where the person can do it, with the reason.
import { answersUsbStick, canRunUnattended } from '../../../shared/answers/answers-policy';
import { offeredAnswers } from '../answers';
import type { StoreDeps } from '../deps';
import type { Fido2Actions, GetState, InstallActions, SetState, UsbActions } from '../types';
import { usableNamedSticks } from '../usb-sticks';
import { firstInvalidPage } from '../validators';
import { arriveOnPage } from './navigation';

/** The reasons (answers:stop.*)  an unattended run stops for a person. */
export const UNATTENDED_STOPS = ['noKey', 'severalKeys', 'keyPin', 'keyFailed', 'noStick', 'severalSticks', 'incomplete'] as const;
type Stop = (typeof UNATTENDED_STOPS)[number];

export function unattendedActions(
  set: SetState,
  get: GetState,
  deps: StoreDeps,
  actions: Pick<Fido2Actions, 'refreshFido2Devices' | 'selectFido2Device' | 'enrollFido2'> &
    Pick<UsbActions, 'refreshUsbDrives' | 'chooseUsbDrive'> &
    Pick<InstallActions, 'startInstall'>,
): { runUnattended(): Promise<void> } {
  const stop = (reason: Stop) => {
    set({ unattended: 'needs-person', unattendedStop: reason });
    const state = get();
    set(arriveOnPage(state, firstInvalidPage(state, 'summary') ?? 'summary', deps));
  };

  return {
    async runUnattended() {
      const answers = offeredAnswers(get().boot);
      const { install, choices } = get();
      if (!answers || !canRunUnattended(answers) || install.phase !== 'idle' || get().unattended !== 'off') return;
      set({ unattended: 'running', unattendedStop: null });
      set(arriveOnPage(get(), 'summary', deps));
      if (choices.encryption.method === 'fido2') {
        await actions.refreshFido2Devices();
        const { devices } = get().fido2;
        if (devices.length === 0) return stop('noKey');
        if (devices.length > 1) return stop('severalKeys');
        if (devices[0]!.hasPin) return stop('keyPin');
        actions.selectFido2Device(devices[0]!.id);
        await actions.enrollFido2();
        if (!get().fido2.enrollment?.verified) return stop('keyFailed');
      }
      if (choices.encryption.method === 'usb-key') {
        // Only a stick the answers name, plugged in now and able to take the key file (the
        // answers file must name one: docs/protocol.md §12.1).
        await actions.refreshUsbDrives();
        const named = answersUsbStick(answers);
        const sticks = named ? usableNamedSticks(get().usb.drives, named) : [];
        if (sticks.length === 0) return stop('noStick');
        if (sticks.length > 1) return stop('severalSticks');
        actions.chooseUsbDrive(sticks[0]!.id);
      }
      if (firstInvalidPage(get(), 'summary') !== null) return stop('incomplete');
      await actions.startInstall();
    },
  };
}
