// A backstop, not the design: secrets are never handed to the logger or put in a message, but
// anything that leaves the helper as text (log lines, failure messages that quote a tool's
// stderr) is also scrubbed of the secrets currently held: as they are, and as they appear inside
// a JSON string (a log line is redacted after it is serialised, where `"` is `\"`).
import { Registry } from '../../shared/util/registry';

export type SecretSource = () => readonly Uint8Array[];

export class Redactor {
  private readonly sources = new Registry<SecretSource>();

  /** Adds a source of secrets; returns a function that removes it. */
  register(source: SecretSource): () => void {
    return this.sources.add(source);
  }

  redact(text: string): string {
    let out = text;
    for (const source of this.sources.current()) {
      for (const secret of source()) {
        if (secret.length < 4) continue; // nothing real is that short; avoid mangling text
        const raw = Buffer.from(secret).toString('utf8');
        for (const needle of [raw, JSON.stringify(raw).slice(1, -1)]) {
          if (needle.length > 0 && out.includes(needle)) out = out.split(needle).join('[redacted]');
        }
      }
    }
    return out;
  }
}
