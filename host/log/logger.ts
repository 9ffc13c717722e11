// JSON-lines log: one object a line with time, level, event and plain fields (plan id, step,
// timings, error codes). Never a secret: callers pass none, and the redactor is a backstop.
import { closeSync, writeSync } from 'node:fs';
import { MODES, openAppend } from '../fs/safe-fs';
import type { Redactor } from './redactor';

export type LogValue = string | number | boolean | null | undefined;
export type LogFields = Readonly<Record<string, LogValue>>;
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
  /** A logger that adds `fields` to every line. */
  with(fields: LogFields): Logger;
}

export interface LogSink {
  write(line: string): void;
  close(): void;
}

export function fileSink(file: string): LogSink {
  const fd = openAppend(file, MODES.privateFile);
  let open = true;
  return {
    write(line) {
      if (open) writeSync(fd, line);
    },
    close() {
      if (open) closeSync(fd);
      open = false;
    },
  };
}

export function stderrSink(): LogSink {
  return { write: (line) => void process.stderr.write(line), close: () => undefined };
}

export function memorySink(lines: string[]): LogSink {
  return { write: (line) => void lines.push(line), close: () => undefined };
}

export function createLogger(sink: LogSink, redactor: Redactor, now: () => number, base: LogFields = {}): Logger {
  const emit = (level: LogLevel, event: string, fields: LogFields = {}): void => {
    const record: Record<string, LogValue> = { time: new Date(now()).toISOString(), level, event, ...base };
    for (const [k, v] of Object.entries(fields)) if (v !== undefined) record[k] = v;
    try {
      sink.write(redactor.redact(JSON.stringify(record)) + '\n');
    } catch {
      // A full or vanished log must never stop provisioning.
    }
  };
  return {
    debug: (e, f) => emit('debug', e, f),
    info: (e, f) => emit('info', e, f),
    warn: (e, f) => emit('warn', e, f),
    error: (e, f) => emit('error', e, f),
    with: (fields) => createLogger(sink, redactor, now, { ...base, ...fields }),
  };
}
