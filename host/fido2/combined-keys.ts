// The sandbox's keys: real ones first (libfido2's tools), the simulated ones after; each request
// goes to whichever owns the device id.
import { SIMULATED_PREFIX } from './simulated-keys';
import type { SecurityKeys } from './security-keys';

export function withSimulatedKeys(real: SecurityKeys, simulated: SecurityKeys): SecurityKeys {
  const owner = (deviceId: string) => (deviceId.startsWith(SIMULATED_PREFIX) ? simulated : real);
  return {
    async list() {
      const [r, s] = await Promise.all([real.list(), simulated.list()]);
      return { keys: [...r.keys, ...s.keys], toolsMissing: r.toolsMissing };
    },
    makeCredential: (request, onTouch) => owner(request.deviceId).makeCredential(request, onTouch),
    hmacSecret: (request, onTouch) => owner(request.deviceId).hmacSecret(request, onTouch),
    holdsCredential: (deviceId, rpId, credentialId) => owner(deviceId).holdsCredential(deviceId, rpId, credentialId),
  };
}
