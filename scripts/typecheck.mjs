// Typechecks every layer with its own view of the world: `tsc -b` over the top-level
// tsconfig.json, whose references are one project per layer and per layer's tests (ADR 001).
// Results are cached in .cache/tsc/, so a second run checks only what changed.
// Extra arguments go to tsc (`node scripts/typecheck.mjs --verbose`).
import { spawnSync } from 'node:child_process';

const r = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-b', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
