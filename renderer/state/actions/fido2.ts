// The FIDO2 security key: find keys, enroll one (credential and hmac-secret, at the helper,
// which asks for the touch), test it. The passphrase path stays open whatever happens here.
import type { StoreDeps } from '../deps';
import type { Fido2Actions, Fido2State, GetState, SetState } from '../types';

export function fido2Actions(set: SetState, get: GetState, deps: StoreDeps): Fido2Actions {
  const patch = (change: Partial<Fido2State>) => set({ fido2: { ...get().fido2, ...change } });
  const pin = () => get().secrets.fido2Pin || undefined;

  return {
    async refreshFido2Devices() {
      if (get().fido2.status === 'enrolling' || get().fido2.status === 'verifying') return;
      patch({ status: 'scanning', error: null });
      const r = await deps.api['fido2.devices']({});
      if (!r.ok) {
        patch({ status: 'idle', scanned: true, error: r.error.code, devices: [] });
        return;
      }
      const { devices, toolsMissing } = r.value;
      const current = get().fido2.deviceId;
      const deviceId = devices.some((d) => d.id === current) ? current : devices.length === 1 ? devices[0]!.id : null;
      patch({ status: 'ready', scanned: true, devices, toolsMissing, deviceId });
    },

    selectFido2Device(id) {
      if (get().fido2.devices.some((d) => d.id === id)) patch({ deviceId: id, error: null });
    },

    async enrollFido2() {
      const { deviceId, devices, status } = get().fido2;
      const device = devices.find((d) => d.id === deviceId);
      if (!device || status === 'enrolling') return;
      if (device.hasPin && !pin()) {
        patch({ error: 'fido2-pin-required' });
        return;
      }
      patch({ status: 'enrolling', error: null, enrollment: null, tested: null, touch: false });
      const r = await deps.api['fido2.enroll']({ deviceId: device.id, pin: device.hasPin ? pin() : undefined });
      if (!r.ok) {
        patch({ status: 'ready', error: r.error.code, touch: false });
        return;
      }
      patch({
        status: 'ready',
        enrollment: { ...r.value, deviceName: device.name },
        error: r.value.verified ? null : 'fido2-failed',
        touch: false,
      });
    },

    async testFido2() {
      const { enrollment, status } = get().fido2;
      if (!enrollment || status !== 'ready') return;
      patch({ status: 'verifying', error: null, tested: null, touch: false });
      const r = await deps.api['fido2.verify']({
        enrollmentId: enrollment.enrollmentId,
        pin: enrollment.params.clientPinRequired ? pin() : undefined,
      });
      if (!r.ok) {
        // A forgotten enrollment (the helper or the wizard restarted) has to be made again.
        patch({
          status: 'ready',
          error: r.error.code,
          tested: false,
          touch: false,
          ...(r.error.code === 'unknown-enrollment' ? { enrollment: null } : {}),
        });
        return;
      }
      patch({ status: 'ready', tested: r.value.verified, touch: false });
    },

    fido2Prompted() {
      const { status } = get().fido2;
      if (status === 'enrolling' || status === 'verifying') patch({ touch: true });
    },
  };
}
