// system-config writes every value so that no value can break its file's syntax: the files read
// back with a real `sh` give exactly the values, whatever they hold, and run nothing. The plan
// schema refuses such keyboard names long before, and the step writes KEYMAP only from the
// console-keymap rule (so it refuses a layout without one); this is the writer's own guarantee.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Keyboard, PlanPayload } from '../../../shared/plan/plan-schema';
import { consoleKeymap } from '../../spectrum/locale-names';
import type { StepContext } from '../step-types';
import { configFiles, systemConfig } from './system-config';

interface Written {
  readonly dir: string;
  readonly tokens: unknown[];
}

async function runWith(keyboard: Keyboard, root: string): Promise<Written> {
  const tokens: unknown[] = [];
  mkdirSync(path.join(root, 'media', 'volume'), { recursive: true }); // what userdata-mount leaves
  const payload = payloadWith(keyboard);
  const ctx = {
    plan: { planId: 'a'.repeat(64), payload },
    env: { kind: 'sandbox', root, target: path.join(root, 'image') },
    facts: { mountPath: '/media/volume' },
    cryptsetup: { importToken: async (_id: number, token: unknown) => void tokens.push(JSON.parse(JSON.stringify(token))) },
  } as unknown as StepContext;
  await systemConfig.run(ctx);
  return { dir: path.join(root, 'media', 'volume', 'Spectrum', 'config'), tokens };
}

/** What `sh` sees after sourcing `file`: the named variables, NUL-separated; unset ones as "<unset>". */
function sourced(file: string, names: readonly string[], cwd: string): string[] {
  const script = `. "$1" || exit 3; printf '%s\\0' ${names.map((n) => `"\${${n}-<unset>}"`).join(' ')}`;
  const r = spawnSync('sh', ['-c', script, 'sh', file], { cwd, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout.split('\0').slice(0, -1);
}

const HOSTILE: Keyboard[] = [
  { layout: '-q(x)+y', variant: '-z' },
  { layout: "it's", variant: "a'b'" },
  { layout: '$(touch pwned)', variant: '`touch pwned`' },
  { layout: 'x"y\\z', variant: '${HOME}' },
  { layout: 'fi;EVIL=1', variant: '&& touch pwned' },
  { layout: 'fi #', variant: ' spaced ' },
];

const payloadWith = (keyboard: Keyboard) =>
  ({
    locale: 'fi',
    keyboard,
    accessibility: { highContrast: true, largeText: false, reduceMotion: false, screenReader: false },
  }) as unknown as PlanPayload;

/** Writes what configFiles gives into `dir`, as the step does. */
function writeFiles(keyboard: Keyboard, keymap: string, dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of configFiles(payloadWith(keyboard), keymap)) writeFileSync(path.join(dir, name), text);
}

describe('system-config file syntax', () => {
  let root = '';
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it.each(HOSTILE)('keeps layout %j exactly, as data', (keyboard) => {
    root = mkdtempSync(path.join(tmpdir(), 'spectrum-config-'));
    const dir = path.join(root, 'config');
    const keymap = `${keyboard.layout}-${keyboard.variant}`;
    writeFiles(keyboard, keymap, dir);
    expect(sourced(path.join(dir, 'vconsole.conf'), ['KEYMAP', 'XKBLAYOUT', 'XKBVARIANT', 'EVIL'], root)).toEqual([
      keymap,
      keyboard.layout,
      keyboard.variant,
      '<unset>',
    ]);
    expect(sourced(path.join(dir, 'xkb.conf'), ['XKB_DEFAULT_LAYOUT', 'XKB_DEFAULT_VARIANT', 'EVIL'], root)).toEqual([
      keyboard.layout,
      keyboard.variant,
      '<unset>',
    ]);
    expect(existsSync(path.join(root, 'pwned'))).toBe(false);
  });

  it('writes the files and the keyboard token for a layout the unlock prompt can load', async () => {
    root = mkdtempSync(path.join(tmpdir(), 'spectrum-config-'));
    const keyboard = { layout: 'fi', variant: '' };
    const { dir, tokens } = await runWith(keyboard, root);
    const keymap = consoleKeymap(keyboard.layout, keyboard.variant);
    expect(sourced(path.join(dir, 'vconsole.conf'), ['KEYMAP', 'XKBLAYOUT', 'XKBVARIANT'], root)).toEqual([keymap, 'fi', '']);
    expect(sourced(path.join(dir, 'locale.conf'), ['LANG'], root)).toEqual(['fi_FI.UTF-8']);
    expect(JSON.parse(readFileSync(path.join(dir, 'accessibility.json'), 'utf8'))).toEqual({
      highContrast: true,
      largeText: false,
      reduceMotion: false,
      screenReader: false,
    });
    // The token also names the language, for the words of the unlock prompt (docs/protocol.md §14.4).
    expect(tokens).toEqual([{ type: 'spectrum-keyboard', keyslots: [], xkbLayout: 'fi', xkbVariant: '', keymap, locale: 'fi' }]);
  });

  it('refuses a value with a control character instead of writing it', () => {
    expect(() => configFiles(payloadWith({ layout: 'fi\nEVIL=1', variant: '' }), 'fi')).toThrow(/control character/);
  });

  it('refuses a layout with no console keymap before writing anything', async () => {
    root = mkdtempSync(path.join(tmpdir(), 'spectrum-config-'));
    await expect(runWith({ layout: 'fi;EVIL=1', variant: '' }, root)).rejects.toThrow(/no console keymap/);
    expect(existsSync(path.join(root, 'media', 'volume', 'Spectrum', 'config', 'vconsole.conf'))).toBe(false);
  });
});
