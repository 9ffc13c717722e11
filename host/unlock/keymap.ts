// The prompt's keyboard: the console keymap first boot recorded in the spectrum-keyboard token,
// loaded with kbd's loadkeys before anything is typed, so the passphrase is typed with the layout
// it was chosen (and rehearsed) with. The sandbox never touches the machine's console: it says
// the command it would run.
import type { Executor } from '../exec/executor';
import { KeymapNameSchema } from '../luks/unlock-tokens';

export interface KeymapApplier {
  /** Applies `keymap`; returns the command line it ran (or would run), or null if nothing could be done. */
  apply(keymap: string): Promise<{ readonly command: string; readonly ran: boolean; readonly ok: boolean }>;
}

/** The command that loads a console keymap: `loadkeys -q -- fi`. */
export function loadkeysCommand(loadkeys: string, keymap: string): { command: string; args: string[] } {
  if (!KeymapNameSchema.safeParse(keymap).success) throw new Error('not a keymap name');
  return { command: loadkeys, args: ['-q', '--', keymap] };
}

export class LoadkeysApplier implements KeymapApplier {
  constructor(
    private readonly exec: Executor,
    private readonly loadkeys: string,
    /** The sandbox: say what would run, run nothing. */
    private readonly dryRun: boolean,
  ) {}

  async apply(keymap: string) {
    const { command, args } = loadkeysCommand(this.loadkeys, keymap);
    const line = [command, ...args].join(' ');
    if (this.dryRun) return { command: line, ran: false, ok: true };
    try {
      const r = await this.exec.run({ command, args, timeoutMs: 10_000 });
      return { command: line, ran: true, ok: r.exitCode === 0 };
    } catch {
      return { command: line, ran: true, ok: false };
    }
  }
}
