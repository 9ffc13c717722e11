// The machine a run was made on, for the table's header and the JSON: figures from a busy or
// small machine read differently, and the load average at the end of the run says how busy.
import os from 'node:os';
import type { Results } from './results';

export function machine(chromium: string | null): Results['machine'] {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    memoryBytes: os.totalmem(),
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
    node: process.version,
    chromium,
  };
}
