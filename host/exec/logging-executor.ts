// Every command the helper runs, in the log: what ran, how it ended, how long it took. The
// arguments are safe to log because no secret is ever an argument (stdin is not logged).
import type { Logger } from '../log/logger';
import type { CommandResult, CommandSpec, Executor } from './executor';

export class LoggingExecutor implements Executor {
  constructor(
    private readonly inner: Executor,
    private readonly log: Logger,
  ) {}

  async run(spec: CommandSpec): Promise<CommandResult> {
    const command = [spec.command, ...spec.args].join(' ').slice(0, 500);
    try {
      const r = await this.inner.run(spec);
      this.log.debug('command', { command, exitCode: r.exitCode, signal: r.signal, ms: r.durationMs });
      return r;
    } catch (e) {
      this.log.warn('command-not-started', { command, problem: (e as Error).message });
      throw e;
    }
  }
}
