// The executor runs named tools from its tool path only, each in its own process group, and
// ends the whole group (the tool and what it started) when the helper exits.
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../test-support/sandbox-helper';
import { processGone } from '../test-support/processes';
import { killAllGroups } from './children';
import { CommandNotFoundError, ProcessExecutor } from './executor';
import { DEFAULT_TOOL_PATH, ToolPath } from './tool-path';

const dir = makeTempDir('spectrum-exec-');
const tools = path.join(dir, 'tools');
mkdirSync(tools);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function standIn(name: string, body: string): void {
  writeFileSync(path.join(tools, name), `#!/bin/sh\n${body}\n`);
  chmodSync(path.join(tools, name), 0o755);
}

/** A tool that starts a long sleep of its own, writes both pids, and waits. */
function parentAndChild(name: string): { pids: () => number[] } {
  const file = path.join(dir, `${name}.pids`);
  standIn(name, `sleep 600 &\necho "$$ $!" > '${file}.tmp' && mv '${file}.tmp' '${file}'\nwait`);
  return { pids: () => readFileSync(file, 'utf8').trim().split(' ').map(Number) };
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 600 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
}

const exec = new ProcessExecutor(new ToolPath([tools, ...DEFAULT_TOOL_PATH]));

describe('ProcessExecutor', () => {
  it('runs a tool found in the tool path, with that path as PATH and nothing else inherited', async () => {
    standIn('show-env', 'env');
    const r = await exec.run({ command: 'show-env', args: [] });
    expect(r.exitCode).toBe(0);
    expect(
      r.stdout
        .split('\n')
        .filter((l) => /^(PATH|LC_ALL|HOME)=/.test(l))
        .sort(),
    ).toEqual(['LC_ALL=C', `PATH=${[tools, ...DEFAULT_TOOL_PATH].join(':')}`]);
  });

  it('does not run what is missing from the tool path, nor a path instead of a name', async () => {
    const onlyTools = new ProcessExecutor(new ToolPath([tools]));
    await expect(onlyTools.run({ command: 'blkid', args: [] })).rejects.toBeInstanceOf(CommandNotFoundError);
    await expect(exec.run({ command: '/usr/sbin/blkid', args: [] })).rejects.toBeInstanceOf(CommandNotFoundError);
    await expect(exec.run({ command: '../tools/show-env', args: [] })).rejects.toBeInstanceOf(CommandNotFoundError);
  });

  it('ends every running tool and what it started when the helper exits', async () => {
    const tool = parentAndChild('stuck-tool');
    const running = exec.run({ command: 'stuck-tool', args: [] });
    await until(() => {
      try {
        return tool.pids().length === 2;
      } catch {
        return false;
      }
    });
    killAllGroups();
    expect((await running).signal).toBe('SIGKILL');
    for (const pid of tool.pids()) expect(await processGone(pid, 20_000)).toBe(true);
  });
});
