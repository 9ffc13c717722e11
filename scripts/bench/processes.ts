// The processes a run starts and what Linux says about them: children in their own process
// groups (stopping one stops what it started, a helper's cryptsetup), the private copy of dist/
// they run from, fresh helpers on fresh sandboxes, and /proc readings (memory, CPU time).
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { releaseSandbox } from '../../host/sandbox/release';
import { readyLine } from '../lib/processes';

// ---------------------------------------------------------------- children

const live = new Set<ChildProcess>();
// Whatever happens to the benchmark, its children do not outlive it.
process.once('exit', () => {
  for (const c of live) killGroup(c);
});

export interface Child {
  readonly process: ChildProcess;
  readonly pid: number;
  readonly ready: Readonly<Record<string, string>>;
  stop(): Promise<void>;
}

/** Starts `node [...nodeFlags] script ...args` and waits for its one-line JSON `{"event":"ready",…}`. */
export function startNode(
  script: string,
  args: readonly string[],
  name: string,
  nodeFlags: readonly string[] = [],
  timeoutMs = 30_000,
): Promise<Child> {
  const child = spawn(process.execPath, [...nodeFlags, script, ...args], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  live.add(child);
  child.once('exit', () => live.delete(child));
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const stop = () => stopGroup(child);
  return readyLine(
    child,
    name,
    timeoutMs,
    () => stderr,
    () => void stop(),
  ).then((msg) => ({
    process: child,
    pid: child.pid!,
    ready: msg as Record<string, string>,
    stop,
  }));
}

/** Runs `node script ...args` to its end with `input` on stdin; resolves with its stdout. */
export function runNode(script: string, args: readonly string[], input: string, name: string): Promise<string> {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  live.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  child.stdin!.end(input);
  return new Promise((resolve, reject) => {
    child.once('exit', (code, signal) => {
      live.delete(child);
      if (code === 0) resolve(stdout);
      else reject(new Error(`${name} exited (${signal ?? code})\n${stderr}`));
    });
  });
}

/** SIGKILL to the child's whole process group, then waits for the child to be gone. */
async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  killGroup(child);
  await exited;
}

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // The group is already gone.
  }
}

// ---------------------------------------------------------------- the run's copy of dist/

export interface Snapshot {
  readonly rendererDir: string;
  readonly helper: string;
  readonly previewServer: string;
  /** The benchmark's own child program (floors.ts): the echo server and the floors measured alone. */
  readonly floors: string;
  /** Path of the blank page, relative to the renderer folder's URL. */
  readonly blankPage: string;
}

export const BLANK_PAGE = 'bench-blank.html';

/** The words of the blank page: the wizard's first heading and its Next button. */
export interface BlankText {
  readonly heading: string;
  readonly button: string;
}

export class MissingBuildError extends Error {}

/** What a run needs from dist/. */
export interface Needs {
  readonly renderer: boolean;
  readonly helper: boolean;
  readonly preview: boolean;
}

/**
 * Copies what `needs` names (and the floors program, always), so a rebuild of dist/ while the
 * run goes on cannot change its figures; paths of what was not needed are left empty.
 */
export function takeSnapshot(root: string, into: string, text: BlankText, needs: Needs): Snapshot {
  const dist = path.join(root, 'dist');
  const wanted = [
    'bench/floors.mjs',
    needs.renderer && 'renderer/index.html',
    needs.helper && 'host/helper.mjs',
    needs.preview && 'preview/server.mjs',
  ].filter((f): f is string => Boolean(f));
  const missing = wanted.filter((f) => !existsSync(path.join(dist, f)));
  if (missing.length) throw new MissingBuildError(`not built: dist/${missing.join(', dist/')} (run npm run build)`);
  const copy = (from: string) => {
    mkdirSync(path.dirname(path.join(into, from)), { recursive: true });
    cpSync(path.join(dist, from), path.join(into, from), { recursive: true });
    return path.join(into, from);
  };
  const rendererDir = needs.renderer ? copy('renderer') : '';
  if (needs.renderer) writeBlankPage(rendererDir, text);
  return {
    rendererDir,
    helper: needs.helper ? copy('host/helper.mjs') : '',
    previewServer: needs.preview ? copy('preview/server.mjs') : '',
    floors: copy('bench/floors.mjs'),
    blankPage: BLANK_PAGE,
  };
}

const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The wizard's Latin faces (regular and bold), as built, or an error naming what is missing. */
function builtFont(assets: string, face: string): string {
  const found = readdirSync(assets).find((f) => f.startsWith(`${face}-`) && f.endsWith('.woff2'));
  if (!found) throw new MissingBuildError(`dist/renderer/assets has no ${face} font`);
  return found;
}

/**
 * The start-up floor: the built index.html without its scripts, stylesheet and prerendered
 * markup; the same head (meta, title, icon), a stylesheet with the wizard's two Latin faces, and
 * a heading, a paragraph and a button.
 */
function writeBlankPage(rendererDir: string, text: BlankText): void {
  const assets = path.join(rendererDir, 'assets');
  const regular = builtFont(assets, 'NotoSans-Regular');
  const bold = builtFont(assets, 'NotoSans-Bold');
  const face = (weight: number, file: string) =>
    `@font-face{font-family:'Noto Sans';font-weight:${weight};font-display:swap;src:url('./assets/${file}') format('woff2')}`;
  writeFileSync(
    path.join(rendererDir, 'bench-blank.css'),
    [face(400, regular), face(700, bold), "body{font-family:'Noto Sans',sans-serif}h1{font-weight:700}"].join('\n'),
  );
  const index = readFileSync(path.join(rendererDir, 'index.html'), 'utf8');
  const page = index
    .replace(/^\s*<script\b[^>]*>\s*<\/script>\s*$/gm, '')
    .replace(/^\s*<link rel="(?:stylesheet|modulepreload)"[^>]*>\s*$/gm, '')
    .replace('</head>', '  <link rel="stylesheet" href="./bench-blank.css" />\n  </head>')
    .replace(
      /<div id="root"[^>]*>.*<\/div>(?=\s*<\/body>)/s,
      `<main><h1>${esc(text.heading)}</h1><p>${esc(text.heading)}</p><button type="button">${esc(text.button)}</button></main>`,
    );
  if (/<script\b/.test(page) || !page.includes('<main>')) throw new Error('cannot derive the blank page from dist/renderer/index.html');
  writeFileSync(path.join(rendererDir, BLANK_PAGE), page);
}

// ---------------------------------------------------------------- fresh helpers

/** What a helper of the run is started from, and the folder sandboxes go in. */
export interface HelperSetup {
  readonly helperScript: string;
  /** Node's flags for the helper, as its service starts it. */
  readonly nodeFlags: readonly string[];
  readonly floorsScript: string;
  readonly workDir: string;
}

/** Starts a helper of the run on the sandbox folder `sandbox` (created when missing). */
export function startHelper(setup: HelperSetup, sandbox: string, fastKdf = true): Promise<Child> {
  return startNode(setup.helperScript, ['--sandbox', sandbox, ...(fastKdf ? ['--fast-kdf'] : [])], 'helper', setup.nodeFlags);
}

/**
 * Starts a helper on a new sandbox, runs `body` against it, stops it with its process group and
 * removes the sandbox. Its start-up is never timed. `fastKdf: false` keeps the real key derivation.
 */
export async function withFreshHelper<T>(
  setup: HelperSetup,
  name: string,
  body: (helper: Child, sandbox: string) => Promise<T>,
  fastKdf = true,
): Promise<T> {
  const sandbox = path.join(setup.workDir, name);
  const helper = await startHelper(setup, sandbox, fastKdf);
  try {
    return await body(helper, sandbox);
  } finally {
    await helper.stop();
    releaseSandbox(sandbox); // a helper stopped hard leaves its user-data mount behind
    rmSync(sandbox, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- /proc

const TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux architecture Node supports

function statusField(pid: number, field: string): number {
  const m = new RegExp(`^${field}:\\s+(\\d+)\\s+kB$`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error(`no ${field} for process ${pid}`);
  return Number(m[1]) * 1024;
}

export function rssBytes(pid: number): number {
  return statusField(pid, 'VmRSS');
}

export interface CpuTimes {
  /** utime + stime of the process itself, ms. */
  readonly selfMs: number;
  /** cutime + cstime: children that exited and were waited for, ms. */
  readonly childrenMs: number;
}

function statFields(pid: number): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start at field 3 (state).
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

export function cpuTimes(pid: number): CpuTimes {
  const fields = statFields(pid);
  const field = (n: number) => Number(fields[n - 3]);
  const ms = (ticks: number) => (ticks * 1000) / TICKS_PER_SECOND;
  return { selfMs: ms(field(14) + field(15)), childrenMs: ms(field(16) + field(17)) };
}

export interface SchedTimes {
  /** Time the process's threads ran on a CPU, ms (nanosecond precision). */
  readonly runMs: number;
  /** Time they were ready to run but waited for a CPU, ms: other work on the machine. */
  readonly waitMs: number;
}

/** Sums /proc/<pid>/task/<tid>/schedstat over the process's threads (the main thread and libuv's pool). */
export function schedTimes(pid: number): SchedTimes {
  let run = 0;
  let wait = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    let fields: string[];
    try {
      fields = readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').trim().split(' ');
    } catch {
      continue; // the thread ended meanwhile
    }
    run += Number(fields[0]);
    wait += Number(fields[1]);
  }
  return { runMs: run / 1e6, waitMs: wait / 1e6 };
}

export interface TreeMemory {
  readonly processes: number;
  /** Sum of VmRSS: pages shared between the processes count once per process. */
  readonly rssBytes: number;
  /** Sum of Pss: each shared page divided among its sharers, so the sum is the tree's real share. */
  readonly pssBytes: number;
}

/** Memory of every live process under `ancestor` whose executable's name matches `name` (Chromium's tree). */
export function treeMemory(ancestor: number, name: RegExp): TreeMemory {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      parents.set(Number(entry), Number(statFields(Number(entry))[1]));
    } catch {
      // gone meanwhile
    }
  }
  const under = (pid: number) => {
    for (let p = parents.get(pid); p !== undefined && p > 1; p = parents.get(p)) if (p === ancestor) return true;
    return false;
  };
  let processes = 0;
  let rss = 0;
  let pss = 0;
  for (const pid of parents.keys()) {
    if (!under(pid)) continue;
    try {
      if (!name.test(path.basename(readlinkSync(`/proc/${pid}/exe`)))) continue;
      rss += rssBytes(pid);
      const m = /^Pss:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      pss += Number(m?.[1] ?? 0) * 1024;
      processes++;
    } catch {
      // gone meanwhile
    }
  }
  return { processes, rssBytes: rss, pssBytes: pss };
}
