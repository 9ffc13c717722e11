// Simulated security keys for demos and QA in the sandbox preview, built on the software
// authenticator. Offered only when the configuration allows it (--sandbox with
// --simulated-fido2); a production configuration never creates this provider.
//
//   sim:pin        PIN 123456, a short touch delay; any other PIN gives fido2-wrong-pin
//   sim:no-pin     no PIN, a short touch delay
//   sim:slow       no PIN, a slow touch (4 s)
//   sim:removed    no PIN; unplugged right after it makes the credential, so enrollment
//                  fails with fido2-device-removed (it is plugged back in at the next listing)
//   sim:untouched  no PIN; nobody touches it, so each request ends with fido2-timeout
import type { Fido2Device } from '../../../shared/ipc/contract';
import { fido2Error, type DeviceList, type Fido2Provider, type HmacSecretRequest, type MakeCredentialRequest } from './fido2-provider';
import { SoftwareAuthenticator, type SoftwareAuthenticatorOptions } from './software-authenticator';

export const SIMULATED_PIN = '123456';
export const SIMULATED_PREFIX = 'sim:';

interface SimulatedKey {
  readonly device: Fido2Device;
  readonly authenticator: SoftwareAuthenticator;
}

export interface SimulatedKeysOptions {
  /** Multiplies every touch delay (0 in tests). */
  readonly delayScale?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Offer only these keys (ids without the prefix, e.g. `no-pin`); default all. */
  readonly only?: readonly string[];
}

export class SimulatedKeysProvider implements Fido2Provider {
  private readonly keys = new Map<string, SimulatedKey>();

  constructor(options: SimulatedKeysOptions = {}) {
    const scale = options.delayScale ?? 1;
    const add = (id: string, name: string, spec: SoftwareAuthenticatorOptions) => {
      if (options.only && !options.only.includes(id)) return;
      const authenticator = new SoftwareAuthenticator({ ...spec, touchDelayMs: (spec.touchDelayMs ?? 0) * scale, sleep: options.sleep });
      this.keys.set(SIMULATED_PREFIX + id, {
        device: { id: SIMULATED_PREFIX + id, name, hasPin: authenticator.hasPin, simulated: true },
        authenticator,
      });
    };
    add('pin', `Simulated key (PIN ${SIMULATED_PIN})`, { pin: SIMULATED_PIN, touchDelayMs: 700 });
    add('no-pin', 'Simulated key (no PIN)', { touchDelayMs: 700 });
    add('slow', 'Simulated key (slow touch)', { touchDelayMs: 4000 });
    add('removed', 'Simulated key (removed during enrollment)', { touchDelayMs: 700, removeAfterMakeCredential: true });
    add('untouched', 'Simulated key (never touched)', { touchDelayMs: 5000, neverTouched: true });
  }

  /** The model behind a simulated key (tests check its hmac-secret against it). */
  authenticator(deviceId: string): SoftwareAuthenticator | undefined {
    return this.keys.get(deviceId)?.authenticator;
  }

  async listDevices(): Promise<DeviceList> {
    for (const key of this.keys.values()) key.authenticator.setPresent(true);
    return { devices: [...this.keys.values()].map((k) => ({ ...k.device })), toolsMissing: false };
  }

  makeCredential(request: MakeCredentialRequest): Promise<{ credentialId: Uint8Array }> {
    return this.key(request.deviceId).makeCredential(request);
  }

  hmacSecret(request: HmacSecretRequest): Promise<Uint8Array> {
    return this.key(request.deviceId).hmacSecret(request);
  }

  private key(deviceId: string): SoftwareAuthenticator {
    const key = this.keys.get(deviceId);
    if (!key) throw fido2Error('fido2-no-device', 'no such security key');
    return key.authenticator;
  }
}

/** Real keys first, simulated ones after; requests go to whichever owns the device id. */
export function withSimulatedKeys(real: Fido2Provider, simulated: SimulatedKeysProvider): Fido2Provider {
  const owner = (deviceId: string) => (deviceId.startsWith(SIMULATED_PREFIX) ? simulated : real);
  return {
    async listDevices() {
      const [r, s] = await Promise.all([real.listDevices(), simulated.listDevices()]);
      return { devices: [...r.devices, ...s.devices], toolsMissing: r.toolsMissing };
    },
    makeCredential: (request) => owner(request.deviceId).makeCredential(request),
    hmacSecret: (request) => owner(request.deviceId).hmacSecret(request),
  };
}
