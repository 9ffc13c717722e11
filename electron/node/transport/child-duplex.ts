// One Duplex over a child process's stdin/stdout (socat's STDIO side). Destroying the stream
// ends the child, so a closed connection never leaves a bridge process behind.
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { Duplex } from 'node:stream';

export class ChildProcessDuplex extends Duplex {
  constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    alreadyRead: readonly Buffer[],
  ) {
    super();
    for (const chunk of alreadyRead) this.push(chunk);
    child.stdout.on('data', (chunk: Buffer) => {
      if (!this.push(chunk)) child.stdout.pause();
    });
    child.stdout.once('end', () => this.push(null));
    // Writing after the bridge is gone gives EPIPE: report it once, through the write callback.
    child.stdin.on('error', () => {});
  }

  override _read(): void {
    this.child.stdout.resume();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    if (this.child.stdin.destroyed) {
      callback(new Error('the bridge process has exited'));
      return;
    }
    this.child.stdin.write(chunk, (e) => callback(e ?? null));
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.child.stdin.end();
    callback();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGTERM');
    callback(error);
  }
}
