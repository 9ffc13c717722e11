// `npm run e2e -- [playwright args]`: the Playwright scenarios, after making sure the built app
// is there. Extra arguments go to Playwright (e.g. `--grep @smoke`, `--project electron`).
// `--long` also runs the scenarios tagged @l10n-long (left out by default, e2e/README.md).
import { spawnSync } from 'node:child_process';
import { build, ensureNodePackages, ensureSystemPackages } from './lib/setup.mjs';
import { root } from './lib/paths.mjs';

ensureNodePackages();
ensureSystemPackages(['chromium', 'cryptsetup-bin', 'socat']);
if (!process.argv.includes('--no-build')) build();
const extra = process.argv.slice(2).filter((a) => a !== '--no-build' && a !== '--long');
const env = process.argv.includes('--long') ? { ...process.env, E2E_LONG: '1' } : process.env;
const r = spawnSync(process.execPath, ['node_modules/@playwright/test/cli.js', 'test', ...extra], { cwd: root, stdio: 'inherit', env });
process.exit(r.status ?? 1);
