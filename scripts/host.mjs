// `npm run host -- --sandbox DIR [helper options]`: the provisioning helper on its own, on a
// fresh clone right after `npm ci`. Builds dist/host/helper.mjs when it is missing or older than
// its sources, then runs it in this process with the arguments given (docs/protocol.md §10.1).
// Its one JSON "ready" line is the only JSON line on stdout; building speaks on stderr.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { HELPER_ENTRY, root } from './lib/paths.mjs';
import { ensureNodePackages, missingSystemPackages } from './lib/setup.mjs';

/** What the helper bundle is built from. */
const SOURCES = ['host', 'shared', 'assets/catalog.json', 'package-lock.json', 'scripts/build.mjs'];

function newestMtime(entry) {
  const st = statSync(entry);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, name)));
  return newest;
}

function helperIsCurrent() {
  if (!existsSync(HELPER_ENTRY)) return false;
  const built = statSync(HELPER_ENTRY).mtimeMs;
  return SOURCES.every((s) => !existsSync(path.join(root, s)) || newestMtime(path.join(root, s)) <= built);
}

ensureNodePackages();
if (!helperIsCurrent()) {
  process.stderr.write('host: building the helper (dist/host/helper.mjs)\n');
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs'), 'host'], { cwd: root, stdio: ['ignore', 2, 2] });
  if (r.status !== 0) {
    process.stderr.write('host: the build failed (see above)\n');
    process.exit(1);
  }
}
const missing = missingSystemPackages(['cryptsetup-bin']);
if (missing.length > 0)
  process.stderr.write(
    `host: ${missing.join(' ')} is missing: plans will fail at userdata-format (on Debian: apt-get install ${missing.join(' ')})\n`,
  );

// The helper reads process.argv.slice(2): exactly the arguments given to this script.
await import(pathToFileURL(HELPER_ENTRY).href);
