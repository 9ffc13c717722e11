// The table printed at the end of a run: each figure, its floor from the same run, their
// ratio, and the target with whether it is met. Sizes in decimal kB/MB.
import type { Results, Target } from './results';

const ms = (x: number) => `${x < 10 ? x.toFixed(2) : x.toFixed(1)} ms`;
const kB = (b: number) => `${(b / 1000).toFixed(1)} kB`;
const MB = (b: number) => `${(b / 1_000_000).toFixed(1)} MB`;
const times = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)}×`;

type Row = readonly [figure: string, value: string, floor: string, ratio: string, target: string, met: string];

function met(targets: readonly Target[], ...ids: string[]): string {
  const found = ids.map((id) => targets.find((t) => t.id === id)).filter((t): t is Target => t !== undefined);
  return found.map((t) => (t.met === null ? '—' : t.met ? 'yes' : 'NO')).join(' / ');
}

function rows(r: Results): Row[] {
  const out: Row[] = [];
  const T = r.targets;
  if (r.startup) {
    const s = r.startup;
    out.push([`start-up to interactive, median of ${s.loads}`, ms(s.app.p50), `${ms(s.blank.p50)} blank`, times(s.ratio), '≤ 1.5× blank', met(T, 'startup-ratio')]);
    out.push(['  start-up p95', ms(s.app.p95), `${ms(s.blank.p95)} blank`, '', '', '']);
  }
  if (r.bundle) {
    const b = r.bundle;
    out.push(['initial JS, gzip (raw)', `${kB(b.initial.js.gzip)} (${kB(b.initial.js.raw)})`, '', '', '≤ 150 kB gzip', met(T, 'initial-js-gzip')]);
    out.push(['initial CSS, gzip (raw)', `${kB(b.initial.css.gzip)} (${kB(b.initial.css.raw)})`, '', '', '', '']);
    for (const l of b.lazy) out.push([`  lazy: ${l.name}`, `${kB(l.gzip)} (${kB(l.raw)})`, '', '', '', '']);
  }
  if (r.typing) {
    const y = r.typing;
    out.push([`strength feedback p50 / p95, ${y.keystrokes} keys (${y.rounds}×30)`, `${ms(y.latency.p50)} / ${ms(y.latency.p95)}`, '', '', 'p95 ≤ 16 ms', met(T, 'strength-p95')]);
    out.push(['  first key / slowest key', `${ms(y.firstMs)} / ${ms(y.latency.max)}`, '', '', '', '']);
    out.push(['  long tasks while typing (longest)', `${y.longTasks.count} (${y.longTasks.count ? ms(y.longTasks.maxMs) : 'none'})`, '', '', 'none > 50 ms', met(T, 'typing-long-tasks')]);
  }
  if (r.roundTrip) {
    const p = r.roundTrip;
    out.push([`plan round trip p50 / p99, ${p.runs} runs`, `${ms(p.roundTrip.p50)} / ${ms(p.roundTrip.p99)}`, `${ms(p.floor.p50)} / ${ms(p.floor.p99)} echo`, times(p.ratioP99), 'p99 ≤ 5× floor; < 30 ms', met(T, 'round-trip-ratio', 'round-trip-p99')]);
    out.push(['  build+seal+sign p50 / p99', `${ms(p.build.p50)} / ${ms(p.build.p99)}`, '', '', '', '']);
    out.push(['  send → accepted p50 / p99', `${ms(p.exchange.p50)} / ${ms(p.exchange.p99)}`, `${ms(p.floor.p50)} / ${ms(p.floor.p99)} echo`, '', '', '']);
    out.push(['  helper on a CPU / waiting for one, p50', `${ms(p.helperCpu.p50)} / ${ms(p.helperWait.p50)}`, '', '', '', '']);
    out.push(['  connect → hello p50 / p99 (not in the round trip)', `${ms(p.connectHello.p50)} / ${ms(p.connectHello.p99)}`, `${ms(p.floorConnectHello.p50)} / ${ms(p.floorConnectHello.p99)} echo`, '', '', '']);
  }
  if (r.helper) {
    const h = r.helper;
    out.push([`helper RSS idle / ${h.openConnections} connections open`, `${MB(h.idleRssBytes)} / ${MB(h.openRssBytes)}`, '', '', 'idle ≤ 60 MB', met(T, 'helper-idle-rss')]);
    out.push([`helper CPU per hello (+ blkid), ${h.hellos} hellos`, `${ms(h.cpuPerHelloMs.helper)} (+ ${ms(h.cpuPerHelloMs.children)})`, '', '', '', '']);
  }
  if (r.heap) {
    for (const p of r.heap.pages) out.push([`renderer JS heap: ${p.page}`, MB(p.usedBytes), '', '', '', '']);
  }
  return out;
}

export function renderTable(r: Results): string {
  const header: Row = ['figure', 'measured', 'floor (same run)', 'ratio', 'target', 'met'];
  const all = [header, ...rows(r)];
  const widths = header.map((_, i) => Math.max(...all.map((row) => row[i]!.length)));
  const line = (row: Row) => row.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  const m = r.machine;
  const title = `Spectrum first boot bench, ${r.startedAt}: ${m.cpus} CPUs (${m.cpuModel}), ${(m.memoryBytes / 2 ** 30).toFixed(0)} GiB, load ${m.loadAverage.map((x) => x.toFixed(1)).join(' ')}, Node ${m.node}, ${m.chromium ?? 'no browser'}${r.quick ? ' [quick]' : ''}`;
  return [title, line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(line)].join('\n');
}
