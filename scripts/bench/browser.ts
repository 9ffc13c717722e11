// The figures taken in Debian's Chromium (through Playwright, with the e2e suite's flags), each
// against a fresh sandbox helper and browser-preview server from the run's copy of dist/:
//   - start-up: cold loads of the wizard and of the blank page, alternating;
//   - typing: strength feedback per keystroke beside the same keystrokes in a plain text field
//     of the same page;
//   - memory: on each page of a walk from Welcome to Done, the page's JS heap and Chromium's
//     whole process tree (the nearest figure to Electron's in the first-boot VM);
// and, without a browser, the sizes of the built renderer (the bundle section).
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { gzipSync } from 'node:zlib';
import { CHROMIUM_ARGS as E2E_CHROMIUM_ARGS, CHROMIUM_PATH } from '../lib/chromium';
import { startHelper, startNode, treeMemory, type Child, type HelperSetup, type Snapshot } from './processes';
import {
  ratio,
  round,
  summarize,
  type BundleResult,
  type Counts,
  type MemoryResult,
  type Measured,
  type Section,
  type StartupResult,
  type TypingResult,
} from './report';

export type Say = (line: string) => void;

// ---------------------------------------------------------------- the wizard's words

type Tree = { readonly [key: string]: Tree | string };
export type WizardText = (ns: string, key: string) => string;

/** The English strings the renderer bundles, so headings and buttons are found by what a person reads. */
export function englishText(root: string): WizardText {
  const cache = new Map<string, Tree>();
  return (ns, key) => {
    let tree = cache.get(ns);
    if (!tree) {
      tree = JSON.parse(readFileSync(path.join(root, 'assets/locales/en', `${ns}.json`), 'utf8')) as Tree;
      cache.set(ns, tree);
    }
    let node: Tree | string | undefined = tree;
    for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
    if (typeof node !== 'string') throw new Error(`assets/locales/en/${ns}.json has no string at ${key}`);
    return node;
  };
}

// ---------------------------------------------------------------- Chromium and the wizard

const CHROMIUM_ARGS = [...E2E_CHROMIUM_ARGS, '--enable-precise-memory-info'];
/** A small VM's window. */
const VIEWPORT = { width: 1024, height: 768 };

const newContext = (browser: Browser): Promise<BrowserContext> => browser.newContext({ viewport: VIEWPORT });

/** A new context (no cookies, storage or cache from earlier loads) with the HTTP cache disabled. */
async function coldPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  return { context, page };
}

interface Wizard {
  /** The preview's URL, token included. */
  readonly url: string;
  readonly origin: string;
  stop(): Promise<void>;
}

/** A helper on a fresh sandbox and a preview server with a fresh state folder in front of it. */
async function startWizard(snap: Snapshot, setup: HelperSetup, dir: string): Promise<Wizard> {
  const helper = await startHelper(setup, path.join(dir, 'sandbox'));
  let preview: Child;
  try {
    preview = await startNode(
      snap.previewServer,
      [
        '--socket',
        helper.ready.socket!,
        '--signing-key',
        helper.ready.signingKey!,
        '--state-dir',
        path.join(dir, 'state'),
        '--renderer-dir',
        snap.rendererDir,
        '--sandbox',
        '--simulated-fido2',
      ],
      'preview server',
    );
  } catch (e) {
    await helper.stop();
    throw e;
  }
  const url = preview.ready.url!;
  return { url, origin: new URL(url).origin, stop: async () => void (await Promise.all([preview.stop(), helper.stop()])) };
}

// ---------------------------------------------------------------- code run in the page

// Serialized by Playwright: each function stands alone.

interface InteractiveArg {
  readonly heading: string;
  readonly button: string;
}

/**
 * Installed before the page's own scripts. Resolves `window.__benchInteractive` with the time
 * (ms since navigation start) of the first frame in which the page is interactive:
 *   - an <h1> with the expected text and a <button> with the expected name are laid out and
 *     visible (non-zero box, checkVisibility with visibility and opacity),
 *   - the button is enabled, focusable (tabIndex ≥ 0) and not inside an inert subtree (the
 *     prerendered Welcome is inert until the page has taken it over),
 *   - the fonts the laid-out text needs have loaded (document.fonts.ready after that layout),
 * and then the next animation frame has started (the frame that paints it).
 */
function installInteractiveProbe(arg: InteractiveArg): void {
  const w = window as unknown as { __benchInteractive?: Promise<number> };
  if (window.top !== window) return;
  w.__benchInteractive = new Promise<number>((resolve) => {
    const visible = (e: Element) =>
      e.getBoundingClientRect().height > 0 && e.checkVisibility({ visibilityProperty: true, opacityProperty: true });
    const ready = (): boolean => {
      const h = Array.from(document.querySelectorAll('h1')).find((e) => e.textContent?.trim() === arg.heading);
      const b = Array.from(document.querySelectorAll('button')).find((e) => e.textContent?.trim() === arg.button);
      if (!h || !b || b.disabled || b.tabIndex < 0 || b.closest('[inert]')) return false;
      return visible(h) && visible(b);
    };
    let done = false;
    const check = () => {
      if (done || !ready()) return;
      done = true;
      observer.disconnect();
      void document.fonts.ready.then(() => requestAnimationFrame(() => resolve(performance.now())));
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
    document.addEventListener('DOMContentLoaded', check);
  });
}

interface TypingArg {
  /** Ids of the fields typed into. */
  readonly fields: readonly string[];
  /** A plain text field to add to the page, with this id. */
  readonly plain: string;
  /** Name of the performance mark the page makes when the meter shows the current value's estimate. */
  readonly mark: string;
}

interface FieldLog {
  /** keydown event times (characters only). */
  readonly keydowns: number[];
  /** When the DOM showed the result: the strength mark, or the plain field's input event. */
  readonly shown: number[];
  /** The start of the first animation frame after that. */
  readonly frames: number[];
}

interface TypingLog {
  readonly fields: Record<string, FieldLog>;
  readonly frameStarts: number[];
  readonly longTasks: { start: number; duration: number }[];
}

/**
 * Installed once the Encryption page is up: adds a plain text field (no React, no listener of
 * the page's) after the passphrase field, and records per field each character's keydown, when
 * its result is in the DOM and the next frame after that, and every long task of the main thread.
 */
function installTypingProbe(arg: TypingArg): void {
  const log: TypingLog = { fields: {}, frameStarts: [], longTasks: [] };
  for (const id of [...arg.fields, arg.plain]) log.fields[id] = { keydowns: [], shown: [], frames: [] };
  const anchor = document.getElementById(arg.fields[0]!);
  if (!anchor) throw new Error(`no #${arg.fields[0]} on the page`);
  const plain = document.createElement('input');
  plain.type = 'text';
  plain.id = arg.plain;
  plain.autocomplete = 'off';
  plain.setAttribute('aria-label', 'bench');
  anchor.insertAdjacentElement('afterend', plain);
  // The field of the last keystroke whose result has not shown yet ('' when none waits).
  let waiting = '';
  const shown = (id: string, at: number) => {
    if (waiting !== id) return; // emptying a field between rounds is not a keystroke
    waiting = '';
    log.fields[id]!.shown.push(at);
  };
  // Every frame's start while typing: a result's frame is the first to start after it showed.
  const tick = () => {
    log.frameStarts.push(performance.now());
    for (const f of Object.values(log.fields))
      while (f.frames.length < f.shown.length) {
        const at = log.frameStarts.find((x) => x >= f.shown[f.frames.length]!);
        if (at === undefined) break;
        f.frames.push(at);
      }
    if (log.frameStarts.length > 100) log.frameStarts.splice(0, 50);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  document.addEventListener(
    'keydown',
    (e) => {
      const id = (e.target as Element | null)?.id ?? '';
      if (e.key.length === 1 && log.fields[id]) {
        waiting = id;
        log.fields[id].keydowns.push(e.timeStamp);
      }
    },
    { capture: true },
  );
  plain.addEventListener('input', () => shown(arg.plain, performance.now()));
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === arg.mark && waiting !== arg.plain) shown(waiting, e.startTime);
  }).observe({ type: 'mark' });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) log.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask' });
  (window as unknown as { __benchTyping?: TypingLog }).__benchTyping = log;
}

/** Resolves true once `field` has `n` frames after its results, false after `timeoutMs`. */
function waitForFrames(arg: { field: string; n: number; timeoutMs: number }): Promise<boolean> {
  const log = (window as unknown as { __benchTyping: TypingLog }).__benchTyping;
  const started = performance.now();
  return new Promise<boolean>((resolve) => {
    const poll = () => {
      if (log.fields[arg.field]!.frames.length >= arg.n) resolve(true);
      else if (performance.now() - started > arg.timeoutMs) resolve(false);
      else requestAnimationFrame(poll);
    };
    poll();
  });
}

const typingLog = (): TypingLog => (window as unknown as { __benchTyping: TypingLog }).__benchTyping;

// ---------------------------------------------------------------- start-up

const WARMUPS = 1;
const LOAD_TIMEOUT_MS = 30_000;

async function loadOnce(browser: Browser, url: string, arg: InteractiveArg): Promise<number> {
  const { context, page } = await coldPage(browser);
  try {
    await page.addInitScript(installInteractiveProbe, arg);
    await page.goto(url, { waitUntil: 'commit', timeout: LOAD_TIMEOUT_MS });
    return await page.evaluate(
      ({ timeoutMs }) => {
        const w = window as unknown as { __benchInteractive?: Promise<number> };
        if (!w.__benchInteractive) throw new Error('the interactive probe is missing');
        return Promise.race([
          w.__benchInteractive,
          new Promise<number>((_, reject) => setTimeout(() => reject(new Error('not interactive in time')), timeoutMs)),
        ]);
      },
      { timeoutMs: LOAD_TIMEOUT_MS },
    );
  } finally {
    await context.close();
  }
}

async function measureStartup(
  browser: Browser,
  urls: { app: string; blank: string },
  arg: InteractiveArg,
  loads: number,
): Promise<StartupResult> {
  const app: number[] = [];
  const blank: number[] = [];
  for (let i = 0; i < loads + WARMUPS; i++) {
    // Alternate which goes first, so neither always follows the other.
    const order = i % 2 === 0 ? (['blank', 'app'] as const) : (['app', 'blank'] as const);
    for (const which of order) {
      const ms = await loadOnce(browser, urls[which], arg);
      if (i >= WARMUPS) (which === 'app' ? app : blank).push(ms);
    }
  }
  const a = summarize(app, 1);
  const b = summarize(blank, 1);
  return {
    loads,
    warmups: WARMUPS,
    app: a,
    blank: b,
    ratio: ratio(a.p50, b.p50),
    appSamples: app.map((x) => round(x, 1)),
    blankSamples: blank.map((x) => round(x, 1)),
  };
}

// ---------------------------------------------------------------- typing

/** Made by renderer/pages/encryption/use-strength.ts. */
const STRENGTH_MARK = 'spectrum:strength-shown';
export const PASSPHRASE = 'correct horse battery staple 9';
/** About 100 words a minute. */
const CADENCE_MS = 120;
const FEEDBACK_TIMEOUT_MS = 10_000;
const BETWEEN_ROUNDS_MS = 500;
const FIELD = 'passphrase';
const PLAIN = 'bench-plain-field';

/** Results shown so far for `field`'s keystrokes. */
const framesSoFar = (page: Page, field: string) =>
  page.evaluate((id) => (window as unknown as { __benchTyping: TypingLog }).__benchTyping.fields[id]!.frames.length, field);

async function typeInto(page: Page, field: string, rounds: number): Promise<number> {
  const input = page.locator(`#${field}`);
  const before = await framesSoFar(page, field);
  let typed = 0;
  for (let r = 0; r < rounds; r++) {
    await input.fill(''); // no key events: only typed characters are timed
    await sleep(BETWEEN_ROUNDS_MS);
    await input.focus();
    for (const ch of PASSPHRASE) {
      const started = performance.now();
      await page.keyboard.type(ch);
      typed++;
      if (!(await page.evaluate(waitForFrames, { field, n: before + typed, timeoutMs: FEEDBACK_TIMEOUT_MS }))) {
        throw new Error(`no feedback in #${field} for keystroke ${typed} within ${FEEDBACK_TIMEOUT_MS} ms`);
      }
      const left = CADENCE_MS - (performance.now() - started);
      if (left > 0) await sleep(left);
    }
  }
  return typed;
}

/** The same passphrase typed into the plain field, then into the passphrase field, `rounds` times each. */
async function measureTyping(page: Page, rounds: number): Promise<TypingResult> {
  await page.evaluate(installTypingProbe, { fields: [FIELD], plain: PLAIN, mark: STRENGTH_MARK });
  let typed = 0;
  for (let r = 0; r < rounds; r++) {
    await typeInto(page, PLAIN, 1);
    typed += await typeInto(page, FIELD, 1);
  }
  const log = await page.evaluate(typingLog);
  const latencies = (id: string) => {
    const f = log.fields[id]!;
    if (f.keydowns.length !== typed || f.shown.length !== typed || f.frames.length !== typed) {
      throw new Error(`#${id}: expected ${typed} keydowns and results, saw ${f.keydowns.length}, ${f.shown.length} and ${f.frames.length}`);
    }
    return { toDom: summarize(f.shown.map((t, i) => t - f.keydowns[i]!)), toFrame: summarize(f.frames.map((t, i) => t - f.keydowns[i]!)) };
  };
  const strength = latencies(FIELD);
  const plain = latencies(PLAIN);
  const field = log.fields[FIELD]!;
  const from = field.keydowns[0]!;
  const during = log.longTasks.filter((t) => t.start + t.duration >= from);
  return {
    keystrokes: typed,
    rounds,
    cadenceMs: CADENCE_MS,
    firstMs: round(field.frames[0]! - field.keydowns[0]!),
    strength,
    plain,
    ratioP95: ratio(strength.toFrame.p95, plain.toFrame.p95),
    longTasks: {
      count: during.length,
      maxMs: round(Math.max(0, ...during.map((t) => t.duration))),
      totalMs: round(during.reduce((a, t) => a + t.duration, 0)),
    },
  };
}

// ---------------------------------------------------------------- walking the wizard

/** After a page's heading shows, lazy work it starts (a QR code, a worker) gets this long. */
const SETTLE_MS = 500;
/** A person reads the Encryption page before typing; the estimator may load meanwhile. */
const BEFORE_TYPING_MS = 1000;
const INSTALL_TIMEOUT_MS = 180_000;
const CHROMIUM_NAME = /^(chromium|chrome)/;

async function pageMemory(page: Page, name: string): Promise<MemoryResult['pages'][number]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize, totalSize } = await cdp.send('Runtime.getHeapUsage');
    const tree = treeMemory(process.pid, CHROMIUM_NAME);
    return {
      page: name,
      heapUsedBytes: usedSize,
      heapTotalBytes: totalSize,
      treeProcesses: tree.processes,
      treeRssBytes: tree.rssBytes,
      treePssBytes: tree.pssBytes,
    };
  } finally {
    await cdp.detach();
  }
}

/** Welcome to Done as a person would (Minimal, passphrase with a recovery key, Install). */
async function walkWizard(page: Page, url: string, t: WizardText, measure: { memory: boolean; typing: boolean; typingRounds: number }) {
  const pages: MemoryResult['pages'] = [];
  let typing: TypingResult | null = null;
  const arrive = async (name: string, ns: string, timeout = 30_000) => {
    await page.getByRole('heading', { level: 1, name: t(ns, 'title'), exact: true }).waitFor({ timeout });
    if (!measure.memory) return;
    await sleep(SETTLE_MS);
    pages.push(await pageMemory(page, name));
  };
  const next = () => page.getByRole('button', { name: t('common', 'nav.next'), exact: true }).click();

  await page.goto(url);
  await arrive('welcome', 'welcome');
  await next();
  await arrive('profile', 'profile');
  await page.getByRole('radio', { name: t('profile', 'minimal.title'), exact: true }).check();
  await next();
  await arrive('apps', 'apps');
  await next();
  await arrive('encryption', 'encryption');
  await page.getByRole('radio', { name: t('encryption', 'method.passphrase.label'), exact: true }).check();
  await sleep(BEFORE_TYPING_MS);
  if (measure.typing) typing = await measureTyping(page, measure.typingRounds);
  await page.locator(`#${FIELD}`).fill(PASSPHRASE);
  if (!measure.memory) return { memory: { pages }, typing };

  await page.locator('#passphrase-confirm').fill(PASSPHRASE);
  await page.locator('#rehearsal').fill(PASSPHRASE);
  await next();
  await arrive('recovery', 'recovery');
  const group = await page.locator('.recovery-group-asked .recovery-group-text').textContent();
  await page.locator('#recovery-confirm').fill(group ?? '');
  await next();
  await arrive('summary', 'summary');
  await page.getByRole('button', { name: t('summary', 'install'), exact: true }).click();
  await arrive('progress', 'progress');
  await arrive('done', 'done', INSTALL_TIMEOUT_MS);
  return { memory: { pages }, typing };
}

// ---------------------------------------------------------------- the browser sections

/** Start-up, then one walk for typing and memory; each with its own helper and preview server. */
export async function browserSections(
  sections: readonly Section[],
  snap: Snapshot,
  setup: HelperSetup,
  work: string,
  t: WizardText,
  counts: Counts,
  say: Say,
): Promise<{ measured: Measured; chromium: string }> {
  const measured: Measured = {};
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    if (sections.includes('startup')) {
      say(`start-up: ${counts.loads} cold loads of the wizard and of the blank page…`);
      const w = await startWizard(snap, setup, path.join(work, 'startup'));
      try {
        const arg = { heading: t('welcome', 'title'), button: t('common', 'nav.next') };
        measured.startup = await measureStartup(browser, { app: w.url, blank: `${w.origin}/${snap.blankPage}` }, arg, counts.loads);
      } finally {
        await w.stop();
      }
    }
    const memory = sections.includes('memory');
    const typing = sections.includes('typing');
    if (memory || typing) {
      say(
        `${[typing && 'typing', memory && 'memory per page'].filter(Boolean).join(' and ')}: walking the wizard${memory ? ' to Done' : ''}…`,
      );
      const w = await startWizard(snap, setup, path.join(work, 'flow'));
      const context = await newContext(browser);
      try {
        const flow = await walkWizard(await context.newPage(), w.url, t, { memory, typing, typingRounds: counts.typingRounds });
        if (memory) measured.memory = flow.memory;
        if (flow.typing) measured.typing = flow.typing;
      } finally {
        await context.close();
        await w.stop();
      }
    }
    return { measured, chromium: `Chromium ${browser.version()}` };
  } finally {
    await browser.close();
  }
}

// ---------------------------------------------------------------- the bundle

// Bundle figures from the built renderer: what index.html loads (its module script, its
// modulepreloads and stylesheets) plus everything those import statically is "initial";
// every other script or stylesheet is loaded later, named by what its source map says it holds.
type FileSize = BundleResult['initial']['files'][number];

function sizeOf(dir: string, file: string): FileSize {
  const bytes = readFileSync(path.join(dir, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes).length };
}

const total = (files: readonly FileSize[]) => ({ raw: files.reduce((a, f) => a + f.raw, 0), gzip: files.reduce((a, f) => a + f.gzip, 0) });

/** The files index.html names, relative to the renderer folder. */
function htmlReferences(html: string): { scripts: string[]; styles: string[] } {
  const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]+)"`).exec(tag)?.[1];
  const clean = (ref: string) => path.posix.normalize(ref.replace(/^\.\//, ''));
  const scripts: string[] = [];
  const styles: string[] = [];
  for (const tag of html.match(/<(?:script|link)\b[^>]*>/g) ?? []) {
    if (tag.startsWith('<script') && / type="module"/.test(tag) && attr(tag, 'src')) scripts.push(clean(attr(tag, 'src')!));
    const rel = attr(tag, 'rel');
    if (rel === 'modulepreload' && attr(tag, 'href')) scripts.push(clean(attr(tag, 'href')!));
    if (rel === 'stylesheet' && attr(tag, 'href')) styles.push(clean(attr(tag, 'href')!));
  }
  return { scripts, styles };
}

/** Scripts reachable from the entries through static `import` statements (esbuild's metafile). */
async function staticClosure(dir: string, entries: readonly string[]): Promise<Set<string>> {
  const result = await build({
    absWorkingDir: dir,
    entryPoints: [...entries],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    outdir: 'out',
    logLevel: 'silent',
  });
  const graph = result.metafile.inputs;
  const seen = new Set<string>(entries);
  const queue = [...entries];
  while (queue.length) {
    const file = queue.pop()!;
    for (const imp of graph[file]?.imports ?? []) {
      if (imp.kind !== 'import-statement' || seen.has(imp.path)) continue;
      seen.add(imp.path);
      queue.push(imp.path);
    }
  }
  return seen;
}

/** What a lazily loaded file is for, from the sources its map lists. */
export function lazyName(sources: readonly string[], file: string): string {
  const has = (s: string) => sources.some((x) => x.includes(s));
  const dictionary = sources.map((s) => /@zxcvbn-ts\/language-(?!common|en\/)([a-z-]+)\//.exec(s)?.[1]).find(Boolean);
  if (dictionary) return `strength dictionary ${dictionary} (loaded with its language)`;
  if (has('strength.worker')) return 'strength estimator (worker)';
  if (has('@zxcvbn-ts')) return 'strength estimator (in-page fallback)';
  if (has('node_modules/qrcode/')) return 'QR code';
  const locale = sources.map((s) => /assets\/locales\/([^/]+)\//.exec(s)?.[1]).find(Boolean);
  if (locale) return `locale ${locale}`;
  if (has('renderer/transport/') || has('shared/ipc/ws-protocol')) return 'preview transport (preview only, loaded at start)';
  return file;
}

function sourcesOf(dir: string, file: string): string[] {
  const map = path.join(dir, `${file}.map`);
  if (!existsSync(map)) return [];
  const parsed = JSON.parse(readFileSync(map, 'utf8')) as { sources?: unknown };
  return Array.isArray(parsed.sources) ? parsed.sources.filter((s): s is string => typeof s === 'string') : [];
}

/**
 * Locale chunks (JSON modules have no sources in their maps): the initial scripts name them in
 * the `import.meta.glob` table Vite writes, `"…/locales/<lang>/<ns>.json": () => import("./x.js")`.
 */
export function localeChunks(code: string): Map<string, string> {
  const found = new Map<string, string>();
  const entry = /"[^"]*\/locales\/([^/"]+)\/[^"]+\.json"\s*:\s*\(\)\s*=>[^,]*?import\(\s*[`'"]\.\/([^`'"]+)[`'"]/g;
  for (const m of code.matchAll(entry)) found.set(`assets/${m[2]}`, `locale ${m[1]}`);
  return found;
}

export async function measureBundle(rendererDir: string): Promise<BundleResult> {
  const { scripts, styles } = htmlReferences(readFileSync(path.join(rendererDir, 'index.html'), 'utf8'));
  const initialScripts = await staticClosure(rendererDir, scripts);
  const locales = new Map<string, string>();
  for (const f of initialScripts)
    for (const [file, name] of localeChunks(readFileSync(path.join(rendererDir, f), 'utf8'))) locales.set(file, name);
  const initialJs = [...initialScripts].sort().map((f) => sizeOf(rendererDir, f));
  const initialCss = styles.map((f) => sizeOf(rendererDir, f));

  const assets = readdirSync(path.join(rendererDir, 'assets')).map((f) => `assets/${f}`);
  const groups = new Map<string, FileSize[]>();
  for (const f of assets.filter((a) => /\.(?:js|css)$/.test(a) && !initialScripts.has(a) && !styles.includes(a)).sort()) {
    const name = locales.get(f) ?? lazyName(sourcesOf(rendererDir, f), path.basename(f));
    groups.set(name, [...(groups.get(name) ?? []), sizeOf(rendererDir, f)]);
  }
  const lazy = [...groups].map(([name, files]) => ({ name, ...total(files), files })).sort((a, b) => b.gzip - a.gzip);
  return {
    initial: { js: total(initialJs), css: total(initialCss), files: [...initialJs, ...initialCss] },
    lazy,
    fonts: assets
      .filter((a) => a.endsWith('.woff2'))
      .sort()
      .map((f) => sizeOf(rendererDir, f)),
  };
}
