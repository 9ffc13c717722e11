// Where the helper finds the root tools it runs (cryptsetup, blkid, mkfs.btrfs, …): a list of
// absolute folders given at start, never the PATH it inherited, which whoever started the helper
// could have pointed at a program of their own (docs/protocol.md §6 "Root tools").
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';

/** Debian keeps root tools in /usr/sbin and /sbin, Spectrum's host in /usr/bin. */
export const DEFAULT_TOOL_PATH: readonly string[] = ['/usr/sbin', '/usr/bin', '/sbin', '/bin'];

/** A tool is named, never given as a path: the tool path alone decides which program runs. */
const TOOL_NAME = /^[A-Za-z0-9][A-Za-z0-9._+-]{0,63}$/;

/** Why a tool path is not acceptable, or null when it is. */
export function toolPathProblem(dirs: readonly string[]): string | null {
  if (dirs.length === 0 || dirs.length > 16) return 'needs 1 to 16 folders';
  const bad = dirs.find((d) => !path.isAbsolute(d) || d.includes(':'));
  return bad === undefined ? null : `"${bad}" is not an absolute folder`;
}

export class ToolPath {
  private readonly found = new Map<string, string>();

  constructor(readonly dirs: readonly string[] = DEFAULT_TOOL_PATH) {
    const problem = toolPathProblem(dirs);
    if (problem) throw new Error(`tool path ${problem}`);
  }

  /** The absolute path of tool `name`: the first executable file of that name in the tool path. */
  resolve(name: string): string | null {
    if (!TOOL_NAME.test(name)) return null;
    const known = this.found.get(name);
    if (known) return known;
    for (const dir of this.dirs) {
      const candidate = path.join(dir, name);
      try {
        if (!statSync(candidate).isFile()) continue;
        accessSync(candidate, constants.X_OK);
      } catch {
        continue;
      }
      // Kept once found; a tool that is missing is looked for again next time.
      this.found.set(name, candidate);
      return candidate;
    }
    return null;
  }

  /** PATH for the tools themselves (scripts such as mount-userdata run other tools). */
  get envPath(): string {
    return this.dirs.join(':');
  }
}
