// English is complete: every key the code uses exists, every error code, step and layout has
// its text, and plural keys come in i18next v4 form. The other languages follow this file.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IPC_ERROR_CODES } from '../../shared/ipc/contract';
import { SYSTEM_VMS } from '../../shared/plan/profiles';
import { STEP_IDS } from '../../shared/plan/steps';
import { PROTOCOL_ERROR_CODES, STEP_FAILURE_CODES } from '../../shared/protocol/error-codes';
import { KEYBOARD_LAYOUTS } from '../state/keyboard-layouts';
import { NAMESPACES } from './namespaces';

const root = join(__dirname, '..', '..');
const en = Object.fromEntries(NAMESPACES.map((ns) => [ns, JSON.parse(readFileSync(join(root, 'assets/locales/en', `${ns}.json`), 'utf8'))]));

function has(ns: string, key: string): boolean {
  let node: unknown = en[ns];
  const parts = key.split('.');
  for (let i = 0; i < parts.length; i++) {
    if (typeof node !== 'object' || node === null) return false;
    const obj = node as Record<string, unknown>;
    const last = i === parts.length - 1;
    if (last) return typeof obj[parts[i]!] === 'string' || typeof obj[`${parts[i]}_other`] === 'string';
    node = obj[parts[i]!];
  }
  return false;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sourceFiles(join(dir, d.name)) : /\.tsx?$/.test(d.name) && !d.name.includes('.test.') ? [join(dir, d.name)] : [],
  );
}

/** Static keys in the source: t('ns:key'), t('key') under useTranslation('ns'), { key: 'ns:key' }. */
function usedKeys(): { file: string; ns: string; key: string }[] {
  const found: { file: string; ns: string; key: string }[] = [];
  for (const file of sourceFiles(join(root, 'renderer'))) {
    const text = readFileSync(file, 'utf8');
    // Each top-level function (a component) has its own useTranslation default namespace.
    for (const part of text.split(/\n(?=(?:export )?function )/)) {
      const defaultNs = /useTranslation\(\s*\[?\s*'([a-z]+)'/.exec(part)?.[1] ?? 'common';
      for (const m of part.matchAll(/\bt\(\s*'([^'$]+)'/g)) {
        const [ns, key] = m[1]!.includes(':') ? m[1]!.split(':') : [defaultNs, m[1]!];
        found.push({ file, ns: ns!, key: key! });
      }
    }
    for (const m of text.matchAll(/key: '([a-z]+):([^'$]+)'/g)) found.push({ file, ns: m[1]!, key: m[2]! });
  }
  return found;
}

describe('English locale', () => {
  it('has a file per namespace', () => {
    expect(readdirSync(join(root, 'assets/locales/en')).sort()).toEqual(NAMESPACES.map((n) => `${n}.json`).sort());
  });

  it('has every key the source uses', () => {
    const missing = usedKeys().filter((u) => !has(u.ns, u.key)).map((u) => `${u.ns}:${u.key} (${u.file.slice(root.length + 1)})`);
    expect(missing).toEqual([]);
  });

  it('explains every error code', () => {
    const codes = [...IPC_ERROR_CODES, ...PROTOCOL_ERROR_CODES, ...STEP_FAILURE_CODES, 'ipc-disconnected', 'failed-earlier'];
    expect(codes.filter((c) => !has('errors', `code.${c}`))).toEqual([]);
  });

  it('titles every step, names every layout and system VM', () => {
    expect(STEP_IDS.filter((id) => !has('progress', `step.${id}`))).toEqual([]);
    expect(KEYBOARD_LAYOUTS.filter((l) => typeof en.keyboard.layout[l.id] !== 'string').map((l) => l.id)).toEqual([]);
    expect(SYSTEM_VMS.filter((id) => !has('catalog', `vm.${id}.name`) || !has('catalog', `vm.${id}.why`))).toEqual([]);
  });

  it('uses i18next v4 plural suffixes only, each _one with its _other', () => {
    const problems: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (typeof node !== 'object' || node === null) return;
      for (const [k, v] of Object.entries(node)) {
        if (/_plural$|_\d+$/.test(k)) problems.push(`${path}.${k}: v3 plural`);
        const m = /^(.*)_one$/.exec(k);
        if (m && !(`${m[1]}_other` in node)) problems.push(`${path}.${k}: no _other`);
        walk(v, `${path}.${k}`);
      }
    };
    for (const ns of NAMESPACES) walk(en[ns], ns);
    expect(problems).toEqual([]);
  });
});
