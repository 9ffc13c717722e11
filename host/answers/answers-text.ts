// The text of an answers file (YAML, or JSON, which YAML 1.2 reads as it is) to a plain value,
// with a way to find where each path sits in the text, so every error names its line. Only the
// core schema: no aliases, no custom tags, one document, no duplicate keys.
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import type { AnswersProblem } from '../../shared/answers/answers-errors';
import type { AnswersPath, Locate } from '../../shared/answers/check-answers';

export type ParsedText =
  { readonly ok: true; readonly value: unknown; readonly locate: Locate } | { readonly ok: false; readonly problems: AnswersProblem[] };

export function parseAnswersText(text: string): ParsedText {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true, schema: 'core', version: '1.2' });
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const faults = [...doc.errors, ...doc.warnings];
  if (faults.length > 0) {
    return {
      ok: false,
      problems: faults.slice(0, 16).map((e) => ({ path: '', ...position(e.pos[0]), rule: e.message.split('\n')[0]! })),
    };
  }
  let value: unknown;
  try {
    // Aliases could expand a small file into a huge value: none are allowed.
    value = doc.toJS({ maxAliasCount: 0 });
  } catch (e) {
    return { ok: false, problems: [{ path: '', rule: (e as Error).message }] };
  }
  const locate: Locate = (path: AnswersPath) => {
    let node: unknown = doc.contents;
    let at: number | undefined = (node as Node | null)?.range?.[0];
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
        if (!pair) return undefined;
        at = (pair.key as Node).range?.[0];
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        node = node.items[segment];
        at = (node as Node | undefined)?.range?.[0];
      } else {
        return undefined;
      }
    }
    return at === undefined ? undefined : position(at);
  };
  return { ok: true, value, locate };
}
