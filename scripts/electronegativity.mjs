// Runs @doyensec/electronegativity over the Electron sources (electron/, tests left out) and
// fails on any finding above INFORMATIONAL that is not justified next to the code: a comment
// `electronegativity-justified: CHECK_ID — why` on the finding's line or up to 3 lines above.
// It runs offline: the tool would fetch translations and Electron's release list, so every
// outbound TCP connection is refused inside its process (nothing leaves the machine). Without
// the list, AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK finds nothing (the tool cannot exclude a global
// check); Electron's version is pinned in package.json and moves with dependency updates.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = path.join(root, 'electron');
const tool = path.join(root, 'node_modules/@doyensec/electronegativity/dist/index.js');
const electronVersion = JSON.parse(readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const JUSTIFIED = /electronegativity-justified:\s*([A-Z_,\s]+)/;

if (!existsSync(tool)) {
  console.error('electronegativity is not installed (npm ci)');
  process.exit(2);
}

// Scan a copy without tests and test support (test-support/): their fakes of Electron are not app code.
const work = mkdtempSync(path.join(tmpdir(), 'electronegativity-'));
const scanned = path.join(work, 'electron');
const copy = (dir) => {
  for (const name of readdirSync(dir)) {
    const from = path.join(dir, name);
    if (statSync(from).isDirectory()) {
      if (name !== 'test-support') copy(from);
    } else if (/\.ts$/.test(name) && !/\.test\.ts$/.test(name)) cpSync(from, path.join(scanned, path.relative(source, from)));
  }
};
copy(source);
const csv = path.join(work, 'findings.csv');
const noNetwork = path.join(work, 'no-network.mjs');
writeFileSync(
  noNetwork,
  `import net from 'node:net';
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (first && typeof first === 'object' && typeof first.path === 'string') return connect.apply(this, args);
  process.nextTick(() => this.destroy(Object.assign(new Error('network disabled'), { code: 'ECONNREFUSED' })));
  return this;
};
`,
);
const args = ['--import', noNetwork, tool, '-i', scanned, '-r', '-e', electronVersion, '-v', 'false', '-o', csv];
const run = spawnSync(process.execPath, args, {
  encoding: 'utf8',
  timeout: 300_000,
});
if (run.status !== 0 || !existsSync(csv)) {
  console.error(run.stdout, run.stderr);
  console.error('electronegativity did not run');
  rmSync(work, { recursive: true, force: true });
  process.exit(2);
}

// The tool quotes its first columns but not its code samples: read only check, severity,
// confidence, file and location, from the start of each finding's line.
const FINDING = /^([A-Z0-9_]+),"([A-Z]+)","([A-Z]+)","([^"]*)","([^"]*)"/gm;
const rows = [...readFileSync(csv, 'utf8').matchAll(FINDING)].map((m) => m.slice(1));
rmSync(work, { recursive: true, force: true });

let failures = 0;
for (const [check, severity, confidence, file, location] of rows) {
  if (severity === 'INFORMATIONAL') continue;
  const where = `${file}:${location}`;
  const reason = justification(check, file, location);
  if (reason) {
    console.log(`justified  ${check} (${severity}/${confidence}) at electron/${where}`);
  } else {
    failures++;
    console.log(`FINDING    ${check} (${severity}/${confidence}) at electron/${where}`);
  }
}
console.log(`electronegativity: ${rows.length} finding(s), ${failures} unjustified`);
process.exit(failures ? 1 : 0);

function justification(check, file, location) {
  const line = Number(location.split(':')[0]);
  if (file === 'N/A' || !line) return null;
  const lines = readFileSync(path.join(source, file), 'utf8').split('\n');
  for (let i = Math.max(0, line - 4); i < line; i++) {
    const m = JUSTIFIED.exec(lines[i] ?? '');
    if (m && m[1].split(/[\s,]+/).includes(check)) return lines[i].trim();
  }
  return null;
}
