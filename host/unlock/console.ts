// Where the unlock program talks to the person: its terminal (no echo, as a password prompt),
// or, when standard input is not a terminal, one line of standard input per answer (tests,
// scripts). What is typed is kept in a Buffer that is wiped after use; it never becomes a string.
import type { Readable, Writable } from 'node:stream';
import type { ReadStream } from 'node:tty';

export interface UnlockConsole {
  /** One line of text for the person. */
  say(line: string): void;
  /** Shows `label` and reads one answer without echo; null when input has ended. */
  readSecret(label: string): Promise<Buffer | null>;
  close(): void;
}

/** The most a line may hold: cryptsetup's interactive limit is 512 bytes; leave room for a key. */
export const MAX_ANSWER_BYTES = 1024;

const CR = 0x0d;
const LF = 0x0a;
const CTRL_C = 0x03;
const CTRL_D = 0x04;
const CTRL_U = 0x15;
const BACKSPACE = 0x08;
const DELETE = 0x7f;

/** A growing answer in a fixed buffer: nothing is copied around where it cannot be wiped. */
class Answer {
  private readonly bytes = Buffer.alloc(MAX_ANSWER_BYTES);
  private length = 0;

  push(byte: number): void {
    if (this.length < this.bytes.length) this.bytes[this.length++] = byte;
  }

  /** Removes the last UTF-8 character. */
  backspace(): void {
    while (this.length > 0) {
      const b = this.bytes[--this.length]!;
      this.bytes[this.length] = 0;
      if ((b & 0xc0) !== 0x80) break; // stop at the character's first byte
    }
  }

  get empty(): boolean {
    return this.length === 0;
  }

  clear(): void {
    this.bytes.fill(0, 0, this.length);
    this.length = 0;
  }

  /** A copy of the answer; this one is wiped. */
  take(): Buffer {
    const out = Buffer.from(this.bytes.subarray(0, this.length));
    this.clear();
    return out;
  }
}

/** A terminal in raw mode: keys arrive one by one, nothing is echoed. */
export class TerminalConsole implements UnlockConsole {
  constructor(
    private readonly input: ReadStream,
    private readonly output: Writable,
  ) {}

  say(line: string): void {
    this.output.write(`${line}\n`);
  }

  readSecret(label: string): Promise<Buffer | null> {
    this.output.write(`${label} `);
    const answer = new Answer();
    this.input.setRawMode(true);
    this.input.resume();
    return new Promise((resolve) => {
      const finish = (value: Buffer | null) => {
        this.input.off('data', onData);
        this.input.setRawMode(false);
        this.input.pause();
        this.output.write('\n');
        resolve(value);
      };
      const onData = (chunk: Buffer) => {
        for (const byte of chunk) {
          if (byte === CR || byte === LF) {
            chunk.fill(0);
            return finish(answer.take());
          }
          if (byte === CTRL_C || (byte === CTRL_D && answer.empty)) {
            chunk.fill(0);
            answer.clear();
            return finish(null);
          }
          if (byte === BACKSPACE || byte === DELETE) answer.backspace();
          else if (byte === CTRL_U) answer.clear();
          else if (byte >= 0x20) answer.push(byte);
        }
        chunk.fill(0);
      };
      this.input.on('data', onData);
    });
  }

  close(): void {
    this.input.pause();
  }
}

/** Standard input that is not a terminal: each answer is one line (`\n` or `\r\n` ends it). */
export class LineConsole implements UnlockConsole {
  private pending = Buffer.alloc(0);
  private ended = false;
  private waiter: (() => void) | null = null;

  constructor(
    private readonly input: Readable,
    private readonly output: Writable,
  ) {
    input.on('data', (chunk: Buffer) => {
      const joined = Buffer.concat([this.pending, chunk]);
      this.pending.fill(0);
      chunk.fill(0);
      this.pending = joined;
      this.wake();
    });
    input.on('end', () => {
      this.ended = true;
      this.wake();
    });
    input.on('error', () => {
      this.ended = true;
      this.wake();
    });
  }

  private wake(): void {
    const w = this.waiter;
    this.waiter = null;
    w?.();
  }

  say(line: string): void {
    this.output.write(`${line}\n`);
  }

  async readSecret(label: string): Promise<Buffer | null> {
    this.output.write(`${label}\n`);
    for (;;) {
      const end = this.pending.indexOf(LF);
      if (end >= 0) {
        const cut = end > 0 && this.pending[end - 1] === CR ? end - 1 : end;
        const line = Buffer.from(this.pending.subarray(0, Math.min(cut, MAX_ANSWER_BYTES)));
        const rest = Buffer.from(this.pending.subarray(end + 1));
        this.pending.fill(0);
        this.pending = rest;
        return line;
      }
      if (this.ended) {
        if (this.pending.length === 0) return null;
        const line = Buffer.from(this.pending.subarray(0, MAX_ANSWER_BYTES));
        this.pending.fill(0);
        this.pending = Buffer.alloc(0);
        return line;
      }
      await new Promise<void>((resolve) => (this.waiter = resolve));
    }
  }

  close(): void {
    this.pending.fill(0);
    this.input.destroy();
  }
}
