// Welcome's first chunk (ADR 120) carries no schema library: what renderer/main.tsx imports
// statically, module by module, never reaches zod. A saved state's check and the pages that
// validate input bring it in their own chunks, loaded later (ADR 110).
import { build, type Metafile } from 'esbuild';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..');

/** Every source module in the chunks the entry loads before it runs (dynamic imports left out). */
async function firstChunkModules(entry: string): Promise<string[]> {
  const { metafile } = await build({
    absWorkingDir: ROOT,
    entryPoints: [entry],
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    outdir: 'first-chunk',
    write: false,
    metafile: true,
    logLevel: 'silent',
    loader: { '.css': 'empty' },
  });
  const outputs: Metafile['outputs'] = metafile.outputs;
  const start = Object.keys(outputs).find((o) => outputs[o]?.entryPoint === entry);
  const seen = new Set<string>();
  for (const stack = start ? [start] : []; stack.length > 0;) {
    const out = stack.pop()!;
    if (seen.has(out)) continue;
    seen.add(out);
    stack.push(...(outputs[out]?.imports ?? []).filter((i) => i.kind === 'import-statement').map((i) => i.path));
  }
  return [...seen].flatMap((out) => Object.keys(outputs[out]?.inputs ?? {}));
}

describe("the wizard's first chunk", () => {
  it('holds the store but no zod', async () => {
    const modules = await firstChunkModules('renderer/main.tsx');
    expect(modules).toContain('renderer/state/store.ts');
    expect(modules.filter((m) => m.includes('node_modules/zod/'))).toEqual([]);
  });
});
