// Step 1 of the unlock: a security key enrolled by first boot (a systemd-fido2 token). As
// systemd-cryptsetup does it: getAssertion for rp `fido2-rp` with the token's credential and
// hmac-secret(salt), with the PIN where the token says one is required, user presence as the
// token says; S's standard base64 is the keyslot passphrase. No key, a removed key or a key that
// does not hold the credential falls through to the next method.
import { randomBytes } from 'node:crypto';
import type { SecurityKeys } from '../fido2/security-keys';
import { Fido2Error } from '../fido2/fido2-error';
import type { SystemdFido2Token } from '../luks/unlock-tokens';
import type { UnlockSteps } from './unlock-steps';

/** Wrong PINs accepted in a row before falling through (the key's own limit is 8). */
const PIN_TRIES = 3;

export async function unlockWithFido2(steps: UnlockSteps, keys: SecurityKeys, token: SystemdFido2Token): Promise<boolean> {
  const { say, t } = steps;
  let listed;
  try {
    listed = await keys.list();
  } catch {
    listed = { keys: [], toolsMissing: true };
  }
  const credentialId = Buffer.from(token['fido2-credential'], 'base64');
  const salt = Buffer.from(token['fido2-salt'], 'base64');
  // Only a key that holds the credential is asked for a PIN and a touch (asked silently first).
  const holders = [];
  for (const key of listed.keys) {
    if (await keys.holdsCredential(key.id, token['fido2-rp'], credentialId).catch(() => false)) holders.push(key);
  }
  if (holders.length === 0) {
    say(t('unlock:fido2.absent'));
    return false;
  }
  for (const key of holders) {
    let needsPin = token['fido2-clientPin-required'];
    let pin: Buffer | null = null;
    try {
      for (let tries = 0; tries < PIN_TRIES; tries++) {
        if (needsPin && pin === null) {
          pin = await steps.readSecret(t('unlock:fido2.pin'));
          if (pin === null || pin.length === 0) return false;
        }
        let secret: Uint8Array;
        try {
          secret = await keys.hmacSecret(
            {
              deviceId: key.id,
              pin: needsPin && pin ? pin : undefined,
              rpId: token['fido2-rp'],
              credentialId,
              salt,
              clientDataHash: randomBytes(32),
              userPresence: token['fido2-up-required'],
              userVerification: token['fido2-uv-required'],
            },
            () => say(t('unlock:fido2.touch')),
          );
        } catch (e) {
          const code = e instanceof Fido2Error ? e.code : 'fido2-failed';
          if (code === 'fido2-wrong-pin') {
            say(t('unlock:fido2.wrongPin'));
            pin?.fill(0);
            pin = null;
            continue;
          }
          if (code === 'fido2-pin-required' && !needsPin) {
            needsPin = true;
            continue;
          }
          if (code === 'fido2-device-removed' || code === 'fido2-no-device') say(t('unlock:fido2.absent'));
          else if (code !== 'fido2-failed') say(t('unlock:fido2.failed'));
          break; // this key cannot help (e.g. it does not hold the credential): try the next
        }
        const passphrase = Buffer.from(Buffer.from(secret).toString('base64'), 'ascii');
        secret.fill(0);
        try {
          if (await steps.tryKeyOnSlots(passphrase, token.keyslots)) return true;
        } finally {
          passphrase.fill(0);
        }
        say(t('unlock:fido2.failed'));
        break;
      }
    } finally {
      pin?.fill(0);
    }
  }
  return false;
}
