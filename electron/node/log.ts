// A small JSON-lines logger. It takes only flat, primitive fields chosen by the caller, and it
// describes errors by class and code, never by message: a third-party message can quote its
// input (JSON.parse does), and that input may be a secret.
export type LogFields = Readonly<Record<string, string | number | boolean | undefined>>;
export type Logger = (event: string, fields?: LogFields) => void;

export function createLogger(write: (line: string) => void): Logger {
  return (event, fields = {}) => {
    write(JSON.stringify({ time: new Date().toISOString(), event, ...fields }) + '\n');
  };
}

export const silentLogger: Logger = () => {};

/** What may be logged about an error: its class name and its `code`, if it has one. */
export function describeError(e: unknown): { errorName: string; errorCode?: string } {
  if (e instanceof Error) {
    const code = (e as { code?: unknown }).code;
    return typeof code === 'string' ? { errorName: e.name, errorCode: code.slice(0, 64) } : { errorName: e.name };
  }
  return { errorName: typeof e };
}
