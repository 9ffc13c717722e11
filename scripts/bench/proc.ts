// What Linux's /proc says about a process: resident memory and CPU time, its own and that of
// the children it has waited for (blkid, cryptsetup).
import { readFileSync, readdirSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux architecture Node supports

export function rssBytes(pid: number): number {
  const m = /^VmRSS:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error(`no VmRSS for process ${pid}`);
  return Number(m[1]) * 1024;
}

export interface CpuTimes {
  /** utime + stime of the process itself, ms. */
  readonly selfMs: number;
  /** cutime + cstime: children that exited and were waited for, ms. */
  readonly childrenMs: number;
}

export function cpuTimes(pid: number): CpuTimes {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start at field 3 (state).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
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
