// The targets, each judged from the figures of this run. Sizes are decimal: 1 kB =
// 1000 bytes, 1 MB = 1000 kB (as Vite prints them). A section that did not run is "not measured".
import type { Measured, Target } from './results';

interface Rule {
  readonly id: string;
  readonly label: string;
  readonly limit: number;
  readonly unit: string;
  readonly value: (m: Measured) => number | null | undefined;
}

const RULES: readonly Rule[] = [
  { id: 'startup-ratio', label: 'start-up ≤ 1.5× the blank page (medians)', limit: 1.5, unit: '×', value: (m) => m.startup?.ratio },
  { id: 'initial-js-gzip', label: 'initial JS ≤ 150 kB gzip', limit: 150_000, unit: 'B', value: (m) => m.bundle?.initial.js.gzip },
  { id: 'strength-p95', label: 'strength feedback p95 ≤ 16 ms', limit: 16, unit: 'ms', value: (m) => m.typing?.latency.p95 },
  { id: 'typing-long-tasks', label: 'no long task (> 50 ms) while typing', limit: 0, unit: 'tasks', value: (m) => m.typing?.longTasks.count },
  { id: 'round-trip-ratio', label: 'plan round trip p99 ≤ 5× the echo floor p99', limit: 5, unit: '×', value: (m) => m.roundTrip?.ratioP99 },
  { id: 'round-trip-p99', label: 'plan round trip p99 < 30 ms', limit: 30, unit: 'ms', value: (m) => m.roundTrip?.roundTrip.p99 },
  { id: 'helper-idle-rss', label: 'helper idle RSS ≤ 60 MB', limit: 60_000_000, unit: 'B', value: (m) => m.helper?.idleRssBytes },
];

export function judgeTargets(m: Measured): Target[] {
  return RULES.map((r) => {
    const v = r.value(m);
    const value = v === undefined || v === null || Number.isNaN(v) ? null : v;
    const met = value === null ? null : r.id === 'round-trip-p99' ? value < r.limit : value <= r.limit;
    return { id: r.id, label: r.label, value, limit: r.limit, unit: r.unit, met };
  });
}
