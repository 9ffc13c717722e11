// The layer table of the developers' guide is enforced by lint: these imports must fail.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rules', () => {
  it.each([
    ['renderer/pages/x.tsx', "import fs from 'node:fs'; export const a = fs;"],
    ['renderer/pages/x.tsx', "import { readFile } from 'fs'; export const a = readFile;"],
    ['renderer/pages/x.tsx', "import { ipcRenderer } from 'electron'; export const a = ipcRenderer;"],
    ['renderer/pages/x.tsx', "import { x } from '../../electron/node/handlers'; export const a = x;"],
    ['renderer/pages/x.tsx', "import { x } from '../../host/helper'; export const a = x;"],
    ['shared/plan/x.ts', "import { x } from '../../renderer/store'; export const a = x;"],
    ['shared/plan/x.ts', "import { x } from '../../electron/node/handlers'; export const a = x;"],
    ['shared/plan/x.ts', "import crypto from 'node:crypto'; export const a = crypto;"],
    ['shared/plan/x.ts', "import React from 'react'; export const a = React;"],
    ['host/x.ts', "import { x } from '../electron/node/handlers'; export const a = x;"],
    ['host/x.ts', "import { app } from 'electron'; export const a = app;"],
    ['electron/node/x.ts', "import { app } from 'electron'; export const a = app;"],
    ['electron/main/x.ts', "import { x } from '../../renderer/store'; export const a = x;"],
    ['electron/main/x.ts', "import { x } from '../../host/helper'; export const a = x;"],
    ['renderer/pages/x.tsx', "import { x } from '../../shared-node/fs/atomic-write'; export const a = x;"],
    ['renderer/x.ts', "import { x } from '../shared-node/crypto/ed25519'; export const a = x;"],
    ['shared/plan/x.ts', "import { x } from '../../shared-node/fs/atomic-write'; export const a = x;"],
    ['electron/preload/x.ts', "import { x } from '../../shared-node/crypto/ed25519'; export const a = x;"],
    ['shared-node/fs/x.ts', "import { x } from '../../host/helper'; export const a = x;"],
    ['shared-node/fs/x.ts', "import { x } from '../../electron/node/handlers'; export const a = x;"],
    ['shared-node/fs/x.ts', "import { app } from 'electron'; export const a = app;"],
    ['electron/preload/x.ts', "import { readFileSync } from 'node:fs'; export const a = readFileSync;"],
    ['electron/preload/x.ts', "import { spawn } from 'child_process'; export const a = spawn;"],
    ['electron/preload/x.ts', "import { app } from 'electron'; export const a = app;"],
    ['electron/preload/x.ts', "import { x } from '../node/handlers'; export const a = x;"],
    ['electron/preload/x.ts', "import { x } from '../main/main'; export const a = x;"],
  ])('%s: refuses %s', async (file, code) => {
    expect(await problems(file, code)).not.toEqual([]);
  });

  it.each([
    ['renderer/pages/x.tsx', "import { x } from '../../shared/plan/profiles'; export const a = x;"],
    ['electron/main/x.ts', "import { app } from 'electron'; import { x } from '../../shared/plan/profiles'; export const a = [app, x];"],
    ['host/x.ts', "import { x } from '../shared-node/fs/atomic-write'; export const a = x;"],
    ['electron/node/x.ts', "import { x } from '../../shared-node/crypto/ed25519'; export const a = x;"],
    ['electron/main/x.ts', "import { x } from '../../shared-node/crypto/envelope-signer'; export const a = x;"],
    ['shared-node/fs/x.ts', "import fs from 'node:fs'; import { x } from '../../shared/plan/profiles'; export const a = [fs, x];"],
    [
      'electron/preload/x.ts',
      "import { contextBridge, ipcRenderer } from 'electron'; import { x } from '../../shared/ipc/api'; export const a = [contextBridge, ipcRenderer, x];",
    ],
    ['host/x.ts', "import fs from 'node:fs'; import { x } from '../shared/plan/profiles'; export const a = [fs, x];"],
    ['shared/plan/x.ts', "import { z } from 'zod'; import { y } from './profiles'; export const a = [z, y];"],
  ])('%s: allows %s', async (file, code) => {
    expect(await problems(file, code)).toEqual([]);
  });
});
