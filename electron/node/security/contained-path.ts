// Maps a request path to a file inside the renderer folder, or refuses it. Used by Electron's
// app:// handler and by the preview's HTTP server alike.
//
// Each raw segment is percent-decoded once and must then be a plain name: no `.`/`..`, no
// dot-files, no `/`, `\` or NUL (an encoded `%2f` cannot smuggle a separator), and no `%` left
// (a double-encoded `%252e%252e` is refused, not decoded again). The result must lie inside the
// folder both as a path and after resolving symlinks.
import { promises as fs } from 'node:fs';
import path from 'node:path';

export type ResolvedFile = { readonly ok: true; readonly file: string } | { readonly ok: false; readonly status: 400 | 403 | 404 };

const INDEX = 'index.html';

/** The segments of a path, or why it is refused; does not touch the file system. */
export function safeSegments(rawPath: string): { ok: true; segments: string[] } | { ok: false; status: 400 | 403 } {
  if (!rawPath.startsWith('/')) return { ok: false, status: 400 };
  const raw = rawPath.slice(1).split('/');
  if (raw.at(-1) === '') raw[raw.length - 1] = INDEX; // `/` and `/dir/` name the index
  const segments: string[] = [];
  for (const part of raw) {
    let name: string;
    try {
      name = decodeURIComponent(part);
    } catch {
      return { ok: false, status: 400 };
    }
    if (name === '' || name.startsWith('.') || /[/\\\0%]/.test(name)) return { ok: false, status: 403 };
    segments.push(name);
  }
  return { ok: true, segments };
}

/** `root` must be a real path (fs.realpath) of the renderer folder. */
export async function resolveContained(root: string, rawPath: string): Promise<ResolvedFile> {
  const checked = safeSegments(rawPath);
  if (!checked.ok) return checked;
  const candidate = path.join(root, ...checked.segments);
  if (!isInside(root, candidate)) return { ok: false, status: 403 };
  let real: string;
  try {
    real = await fs.realpath(candidate);
  } catch {
    return { ok: false, status: 404 };
  }
  if (!isInside(root, real)) return { ok: false, status: 403 };
  try {
    if (!(await fs.stat(real)).isFile()) return { ok: false, status: 404 };
  } catch {
    return { ok: false, status: 404 };
  }
  return { ok: true, file: real };
}

export function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
