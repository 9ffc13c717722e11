// The text of the KEY=value configuration files under Spectrum/config/ (vconsole.conf,
// locale.conf, xkb.conf). They are read by `sh` and by systemd's environment-file parser, so a
// value is written bare only when it is made of characters neither treats specially, and in
// single quotes otherwise (a quote inside as '\''), which both read back as the exact value.
// Control characters are refused: no configuration value has one, and a newline would end the
// line of a comment.

/** Characters that need no quoting in sh or in a systemd environment file. */
const BARE = /^[A-Za-z0-9_@%+=:,./-]*$/;

export class ConfigValueError extends Error {}

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

/** A value as sh and systemd read it back unchanged. */
export function quoteValue(value: string): string {
  if (hasControlCharacter(value)) throw new ConfigValueError('a configuration value holds a control character');
  return BARE.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

export interface ConfigFile {
  /** Comment lines at the top (without "# "). */
  readonly comments?: readonly string[];
  readonly values: readonly (readonly [key: string, value: string])[];
}

/** The file's text: comments, then one KEY=value line each. */
export function configFileText(file: ConfigFile): string {
  const lines: string[] = [];
  for (const comment of file.comments ?? []) {
    if (hasControlCharacter(comment)) throw new ConfigValueError('a configuration comment holds a control character');
    lines.push(`# ${comment}`);
  }
  for (const [key, value] of file.values) {
    if (!/^[A-Z_][A-Z0-9_]*$/.test(key)) throw new ConfigValueError(`"${key}" is not a variable name`);
    lines.push(`${key}=${quoteValue(value)}`);
  }
  return lines.join('\n') + '\n';
}
