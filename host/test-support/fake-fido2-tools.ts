// Fake libfido2 tools (fido2-token, fido2-cred, fido2-assert) for tests of the command-line
// provider: the same arguments, input lines, PIN prompt on stderr and output lines as the real
// tools, over one pretend key /dev/hidraw7. Its hmac-secret is HMAC-SHA-256(KEY, salt), with a
// different KEY when the PIN was given. Every argv is appended to $FAKE_FIDO2_ARGV_LOG.
//   FAKE_FIDO2_PIN=…      the key has this PIN (else none)
//   FAKE_FIDO2_REMOVED=1  the key cannot be opened (unplugged)
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const FAKE_DEVICE = '/dev/hidraw7';
export const FAKE_KEY_WITH_PIN = 'fake-cred-random-with-pin';
export const FAKE_KEY_WITHOUT_PIN = 'fake-cred-random-without-pin';

const COMMON = String.raw`
const crypto = require('node:crypto');
const fs = require('node:fs');
const tool = require('node:path').basename(process.argv[1]);
const args = process.argv.slice(2);
if (process.env.FAKE_FIDO2_ARGV_LOG) fs.appendFileSync(process.env.FAKE_FIDO2_ARGV_LOG, JSON.stringify([tool, ...args]) + '\n');
const fail = (what) => { process.stderr.write(tool + ': ' + what + '\n'); process.exit(1); };
let buffered = '';
const waiting = [];
process.stdin.on('data', (d) => { buffered += d; flush(); });
function flush() { let i; while (waiting.length && (i = buffered.indexOf('\n')) >= 0) { const l = buffered.slice(0, i); buffered = buffered.slice(i + 1); waiting.shift()(l); } }
const line = () => new Promise((r) => { waiting.push(r); flush(); });
const pin = process.env.FAKE_FIDO2_PIN;
const device = args[args.length - 1] === 'es256' ? args[args.length - 2] : args[args.length - 1];
async function askPin(op) {
  process.stderr.write('Enter PIN for ' + device + ': ');
  const given = await line();
  if (given !== pin) fail(op + ': FIDO_ERR_PIN_INVALID');
}
function open() { if (process.env.FAKE_FIDO2_REMOVED || device !== '${FAKE_DEVICE}') fail('fido_dev_open ' + device + ': FIDO_ERR_INTERNAL'); }
`;

const TOKEN = String.raw`
if (args[0] === '-L') { process.stdout.write('${FAKE_DEVICE}: vendor=0x1050, product=0x0407 (Yubico YubiKey OTP+FIDO+CCID)\n'); process.exit(0); }
if (args[0] === '-I') { open(); process.stdout.write('proto: 0x02\noptions: rk, up, noplat, ' + (pin ? 'clientPin' : 'noclientPin') + ', credentialMgmtPreview\n'); process.exit(0); }
fail('usage');
`;

const CRED = String.raw`
(async () => {
  if (!args.includes('-M') || !args.includes('-h')) fail('usage');
  const [cdh, rp, user, uid] = [await line(), await line(), await line(), await line()];
  open();
  if (pin) await askPin('fido_dev_make_cred');
  const id = crypto.createHash('sha256').update(uid).digest().toString('base64');
  process.stdout.write([cdh, rp, 'packed', 'YXV0aGRhdGE=', id, 'c2ln', 'eDVj'].join('\n') + '\n');
  process.exit(0);
})();
`;

const ASSERT = String.raw`
(async () => {
  if (!args.includes('-G') || !args.includes('-h')) fail('usage');
  const withPin = args.join(' ').includes('pin=true');
  const [cdh, rp, cred, salt] = [await line(), await line(), await line(), await line()];
  open();
  if (withPin) await askPin('fido_dev_get_assert');
  const key = withPin ? '${FAKE_KEY_WITH_PIN}' : '${FAKE_KEY_WITHOUT_PIN}';
  const secret = crypto.createHmac('sha256', key).update(Buffer.from(salt, 'base64')).digest('base64');
  process.stdout.write([cdh, rp, 'YXV0aGRhdGE=', 'c2ln', secret].join('\n') + '\n');
  process.exit(0);
})();
`;

/** Writes the three tools into `dir`/fido2-bin and returns that folder. */
export function installFakeFido2Tools(dir: string): string {
  const bin = path.join(dir, 'fido2-bin');
  mkdirSync(bin, { recursive: true });
  for (const [name, body] of [
    ['fido2-token', TOKEN],
    ['fido2-cred', CRED],
    ['fido2-assert', ASSERT],
  ] as const) {
    const file = path.join(bin, name);
    writeFileSync(file, `#!${process.execPath}\n${COMMON}\n${body}`);
    chmodSync(file, 0o755);
  }
  return bin;
}
