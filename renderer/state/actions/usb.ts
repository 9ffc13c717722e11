// The USB key file: ask the helper which sticks are plugged into the computer, and pick one
// whose file system can take a key file (and, when the answers file fixes the method, the stick
// it names). The stick is written to only at Install, by the helper.
import type { StoreDeps } from '../deps';
import type { GetState, SetState, UsbActions, UsbState } from '../types';
import { choosable, namedStickOf } from '../usb-sticks';

export function usbActions(set: SetState, get: GetState, deps: StoreDeps): UsbActions {
  const patch = (change: Partial<UsbState>) => set({ usb: { ...get().usb, ...change } });

  return {
    async refreshUsbDrives() {
      if (get().usb.status === 'scanning') return;
      patch({ status: 'scanning', error: null });
      const r = await deps.api['usb.drives']({});
      if (!r.ok) {
        patch({ status: 'ready', scanned: true, drives: [], error: r.error.code });
        return;
      }
      const { drives } = r.value;
      patch({ status: 'ready', scanned: true, drives, error: null });
      // One usable stick and none chosen yet: that is the one.
      const named = namedStickOf(get().boot);
      const usable = drives.filter((d) => choosable(d, named));
      if (!get().choices.encryption.usbKey && usable.length === 1) get().chooseUsbDrive(usable[0]!.id);
    },

    chooseUsbDrive(id) {
      const drive = get().usb.drives.find((d) => d.id === id);
      if (
        !drive ||
        !choosable(drive, namedStickOf(get().boot)) ||
        drive.fsUuid === null ||
        (drive.fsType !== 'vfat' && drive.fsType !== 'exfat' && drive.fsType !== 'ext4')
      )
        return;
      const { choices } = get();
      set({
        choices: {
          ...choices,
          encryption: { ...choices.encryption, usbKey: { stick: drive.id, fsUuid: drive.fsUuid, fsType: drive.fsType } },
        },
      });
    },
  };
}
