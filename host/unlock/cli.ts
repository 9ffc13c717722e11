// Entry point of dist/host/unlock.mjs: the unlock at boot, or against a sandbox of the helper.
// Messages go to standard output (the console at boot); a secret never does.
import '../zod-jitless'; // first: before any schema is made
import path from 'node:path';
import type { ReadStream } from 'node:tty';
import { ProcessExecutor } from '../exec/executor';
import { ToolPath } from '../exec/tool-path';
import { Libfido2Keys } from '../fido2/libfido2-keys';
import { SANDBOX_FIDO2_DIR, SimulatedKeys } from '../fido2/simulated-keys';
import { sandboxLayout } from '../sandbox-layout';
import { StickFileAccess } from '../usb/stick-files';
import { HostSticks, SANDBOX_STICK_DIR, SandboxSticks } from '../usb/sticks';
import { delayAfter } from './attempts';
import { LineConsole, TerminalConsole, type UnlockConsole } from './console';
import { LoadkeysApplier } from './keymap';
import { UNLOCK_OUTCOMES, runUnlock } from './unlock-flow';
import { UNLOCK_USAGE, UnlockUsageError, parseUnlockArgs, type UnlockOptions } from './unlock-options';
import { firstbootCandidates, locateVolume } from './volume-locator';
import { CryptsetupOpener } from './volume-opener';

function openConsole(): UnlockConsole {
  return process.stdin.isTTY
    ? new TerminalConsole(process.stdin as ReadStream, process.stdout)
    : new LineConsole(process.stdin, process.stdout);
}

async function run(o: UnlockOptions): Promise<number> {
  const tools = new ToolPath(o.toolPath);
  const exec = new ProcessExecutor(tools);
  const io = openConsole();
  const sandbox = o.sandbox === undefined ? null : sandboxLayout(o.sandbox);
  try {
    const outcome = await runUnlock({
      console: io,
      locate: async () => {
        if (sandbox) return locateVolume(exec, [sandbox.image]);
        return locateVolume(exec, o.device ? [o.device] : await firstbootCandidates(exec, o.partLabel));
      },
      opener: (device) => new CryptsetupOpener(exec, { device, name: o.name, testOnly: sandbox !== null, root: o.root }),
      keymap: new LoadkeysApplier(exec, 'loadkeys', sandbox !== null),
      securityKeys: sandbox
        ? new SimulatedKeys(path.join(sandbox.dir, SANDBOX_FIDO2_DIR))
        : new Libfido2Keys({ tools: o.fido2ToolsDir === undefined ? tools : new ToolPath([o.fido2ToolsDir]), system: tools }),
      sticks: sandbox ? new SandboxSticks(exec, path.join(sandbox.dir, SANDBOX_STICK_DIR)) : new HostSticks(exec),
      stickFiles: new StickFileAccess(exec),
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
      attempts: o.attempts,
      delayMs: (failures) => delayAfter(failures, o.delayBaseMs),
    });
    return UNLOCK_OUTCOMES[outcome];
  } finally {
    io.close();
  }
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseUnlockArgs(process.argv.slice(2));
  } catch (e) {
    if (e instanceof UnlockUsageError) {
      process.stderr.write(`unlock: ${e.message} (see --help)\n`);
      process.exit(2);
    }
    throw e;
  }
  if (parsed.kind === 'help') {
    process.stdout.write(UNLOCK_USAGE + '\n');
    return;
  }
  process.exitCode = await run(parsed.options);
}

void main();
