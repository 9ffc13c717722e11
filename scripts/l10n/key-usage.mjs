// Which i18n keys the renderer's source uses, read from its syntax tree (TypeScript's parser):
//   t('ns:key'), t('key') under the nearest useTranslation('ns' | ['ns', …]) (else 'common'),
//   i18n.t(…), both branches of t(a ? 'x' : 'y'), and `key: 'ns:key'` in objects (validator
//   reasons). A template literal, t(`step.${id}`), is a dynamic key: reported as a pattern
//   (`progress:step.*`) for the caller to enumerate; any other argument is reported as opaque.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * @typedef {{ ns: string, key: string, file: string, line: number }} StaticKey
 * @typedef {{ ns: string, pattern: string, file: string, line: number }} DynamicKey
 * @typedef {{ file: string, line: number, text: string }} OpaqueKey
 * @typedef {{ statics: StaticKey[], dynamics: DynamicKey[], opaque: OpaqueKey[] }} KeyUsage
 */

const DEFAULT_NS = 'common';

/** @param {string} dir @returns {string[]} */
export function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === 'test-support' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) && !d.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** The namespace a useTranslation(...) call sets as default, or null. @param {ts.Node} node */
function useTranslationNs(node) {
  if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'useTranslation') return null;
  const arg = node.arguments[0];
  if (!arg) return DEFAULT_NS;
  if (ts.isStringLiteralLike(arg)) return arg.text;
  if (ts.isArrayLiteralExpression(arg) && arg.elements[0] && ts.isStringLiteralLike(arg.elements[0])) return arg.elements[0].text;
  return DEFAULT_NS;
}

/** The default namespace declared directly in a function body (not in nested functions). @param {ts.Node} fn */
function ownNamespace(fn) {
  /** @type {string | null} */
  let found = null;
  /** @param {ts.Node} n */
  const visit = (n) => {
    if (found !== null || ts.isFunctionLike(n)) return;
    found = useTranslationNs(n);
    if (found === null) ts.forEachChild(n, visit);
  };
  const body = /** @type {{ body?: ts.Node }} */ (fn).body;
  if (body) ts.forEachChild(body, visit);
  return found;
}

/** @param {ts.Expression} callee */
function isTranslateCall(callee) {
  return (ts.isIdentifier(callee) && callee.text === 't') || (ts.isPropertyAccessExpression(callee) && callee.name.text === 't');
}

/** @param {string} raw @param {string} ns */
function split(raw, ns) {
  const i = raw.indexOf(':');
  return i > 0 && /^[a-z]+$/.test(raw.slice(0, i)) ? { ns: raw.slice(0, i), key: raw.slice(i + 1) } : { ns, key: raw };
}

/** @param {string} file @param {string} text @returns {KeyUsage} */
export function scanText(file, text) {
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  /** @type {KeyUsage} */
  const out = { statics: [], dynamics: [], opaque: [] };
  /** @param {ts.Node} n */
  const lineOf = (n) => source.getLineAndCharacterOfPosition(n.getStart(source)).line + 1;

  /** @param {ts.Expression} arg @param {string} ns */
  const keyArgument = (arg, ns) => {
    if (ts.isStringLiteralLike(arg)) {
      out.statics.push({ ...split(arg.text, ns), file, line: lineOf(arg) });
    } else if (ts.isTemplateExpression(arg)) {
      const pattern = arg.head.text + arg.templateSpans.map((s) => `*${s.literal.text}`).join('');
      const { ns: n, key } = split(pattern, ns);
      out.dynamics.push({ ns: n, pattern: key, file, line: lineOf(arg) });
    } else if (ts.isConditionalExpression(arg)) {
      keyArgument(arg.whenTrue, ns);
      keyArgument(arg.whenFalse, ns);
    } else if (ts.isParenthesizedExpression(arg)) {
      keyArgument(arg.expression, ns);
    } else {
      out.opaque.push({ file, line: lineOf(arg), text: arg.getText(source) });
    }
  };

  /** @param {ts.Node} node @param {string} ns */
  const visit = (node, ns) => {
    let scope = ns;
    if (ts.isFunctionLike(node)) scope = ownNamespace(node) ?? ns;
    if (ts.isCallExpression(node) && isTranslateCall(node.expression) && node.arguments[0]) keyArgument(node.arguments[0], scope);
    if (
      ts.isPropertyAssignment(node) &&
      ts.isIdentifier(node.name) &&
      node.name.text === 'key' &&
      ts.isStringLiteralLike(node.initializer) &&
      node.initializer.text.includes(':')
    ) {
      out.statics.push({ ...split(node.initializer.text, scope), file, line: lineOf(node) });
    }
    ts.forEachChild(node, (child) => visit(child, scope));
  };
  visit(source, DEFAULT_NS);
  return out;
}

/** Every key use under `dir` (renderer/), file names relative to `root`. @param {string} root @param {string} dir @returns {KeyUsage} */
export function scanKeyUsage(root, dir) {
  /** @type {KeyUsage} */
  const all = { statics: [], dynamics: [], opaque: [] };
  for (const file of sourceFiles(dir)) {
    const r = scanText(path.relative(root, file), readFileSync(file, 'utf8'));
    all.statics.push(...r.statics);
    all.dynamics.push(...r.dynamics);
    all.opaque.push(...r.opaque);
  }
  return all;
}
