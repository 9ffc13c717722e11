// Tool paths that differ from PATH's (a Spectrum image, a test's stand-in): every command name
// in the map is replaced by its path before it runs; arguments and stdin are left alone.
import type { CommandResult, CommandSpec, Executor } from './executor';

export class ToolPathsExecutor implements Executor {
  constructor(
    private readonly inner: Executor,
    private readonly paths: Readonly<Record<string, string>>,
  ) {}

  run(spec: CommandSpec): Promise<CommandResult> {
    const mapped = Object.hasOwn(this.paths, spec.command) ? this.paths[spec.command]! : spec.command;
    return this.inner.run({ ...spec, command: mapped });
  }
}
