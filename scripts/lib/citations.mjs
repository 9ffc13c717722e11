// Citations in the project's code, scripts and documents must resolve inside the repository:
// a section sign with a number cites a heading of docs/protocol.md and is written after the
// file name ("docs/protocol.md" then the section sign and the number, lists allowed); "ADR"
// and a three-digit number cites a file in docs/decisions/. Spectrum's own design records are
// named in words, never as "ADR". Nothing may cite the spec files that live outside the
// repository. `scripts/citations.test.ts` runs this over the whole tree in `npm test`.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const SPEC = 'docs/protocol.md';
const DECISIONS = 'docs/decisions';

/** Folders that hold no source of ours (dependencies, build output, reports). */
const SKIP_DIRS = new Set([
  '.git',
  'node_modules',
  'dist',
  'out',
  'test-results',
  'playwright-report',
  'blob-report',
  '.cache',
  'bench-results',
  'l10n-gallery',
  '.output',
]);
const TEXT_EXTENSIONS = new Set(['.ts', '.tsx', '.js', '.mjs', '.cjs', '.md', '.json', '.yml', '.yaml', '.sh', '.html', '.css', '.py']);
/** Data, not prose: keyboard character lists hold the section sign as a character. */
const SKIP_FILES = [/^package-lock\.json$/, /^assets\/.*\.json$/];

const SECTION = String.raw`§\s?\d+(?:\.\d+)*`;
const LIST_JOIN = String.raw`(?:\s*,\s*|\s+and\s+|\s+or\s+|\s+to\s+|\s*[–-]\s*)`;
/** "docs/protocol.md" followed by one section or a list of them. */
const SPEC_CITATION = new RegExp(String.raw`docs/protocol\.md\s+${SECTION}(?:${LIST_JOIN}${SECTION})*`, 'g');
const ANY_SECTION = new RegExp(SECTION, 'g');
/** "ADR" or "ADRs" and one number or a list of them ("ADR 010 to ADR 016", "ADR 030, 041"). */
const ADR_CITATION = new RegExp(String.raw`\bADRs?\s+\d+(?:${LIST_JOIN}(?:ADR\s+)?\d+)*`, 'g');
const UPSTREAM_ADR = /\b(?:Spectrum(?:'s)?|upstream)\s+(?:own\s+)?ADRs?\b/gi;
const DASHED_ADR = /\bADR-\d/g;
const OUTSIDE_SPEC = /\b(?:PROTOCOL|REFERENCE)\.md\b/g;
const DECISION_PATH = /docs\/decisions\/(\d{3}-[\w.-]*\.md)/g;
/** Absolute paths of the machine a checkout happens to sit on, never part of the project. */
const MACHINE_PATH = /(?<![\w.])\/work\/[\w.-]+/g;

/**
 * The section numbers of a Markdown document: "## 5. Title" gives "5", "### 5.3 Title" "5.3".
 * @param {string} markdown
 * @returns {Set<string>}
 */
export function sectionNumbers(markdown) {
  const numbers = new Set();
  for (const line of markdown.split('\n')) {
    const m = /^#{2,6}\s+(\d+(?:\.\d+)*)\.?\s/.exec(line);
    if (m) numbers.add(m[1]);
  }
  return numbers;
}

/**
 * @param {readonly string[]} fileNames the names in docs/decisions/
 * @returns {Set<string>} their three-digit numbers
 */
export function decisionNumbers(fileNames) {
  return new Set(fileNames.map((f) => /^(\d{3})-.*\.md$/.exec(f)?.[1]).filter((n) => n !== undefined));
}

const lineOf = (text, index) => text.slice(0, index).split('\n').length;
const numberOf = (sectionText) => sectionText.replace(/^§\s?/, '');

/**
 * @typedef {{ file: string, line: number, problem: string }} CitationProblem
 * @typedef {{ sections: Set<string>, decisions: Set<string>, decisionFiles: Set<string> }} CitationTargets
 */

/**
 * Problems with the citations in one file's text.
 * @param {string} file the path relative to the repository root, with "/" separators
 * @param {string} text
 * @param {CitationTargets} targets
 * @returns {CitationProblem[]}
 */
export function citationProblems(file, text, targets) {
  /** @type {CitationProblem[]} */
  const problems = [];
  const add = (index, problem) => problems.push({ file, line: lineOf(text, index), problem });
  const isSpec = file === SPEC;

  for (const m of text.matchAll(OUTSIDE_SPEC)) {
    add(m.index, `cites ${m[0]}, which is not in the repository: cite ${SPEC} and its section numbers`);
  }

  const cited = new Set();
  for (const m of text.matchAll(SPEC_CITATION)) {
    for (const s of m[0].matchAll(ANY_SECTION)) {
      cited.add(m.index + s.index);
      const n = numberOf(s[0]);
      if (!targets.sections.has(n)) add(m.index, `cites ${SPEC} §${n}, which has no such heading`);
    }
  }
  for (const s of text.matchAll(ANY_SECTION)) {
    if (cited.has(s.index)) continue;
    const n = numberOf(s[0]);
    if (isSpec) {
      if (!targets.sections.has(n)) add(s.index, `cites §${n}, which is not a heading of this document`);
    } else {
      add(s.index, `"§${n}" does not say what it cites: write "${SPEC} §${n}" (another document's sections in words)`);
    }
  }

  for (const m of text.matchAll(ADR_CITATION)) {
    const numbers = m[0].replace(/\bADRs?\b/g, '').match(/\d+/g) ?? [];
    for (const n of numbers) {
      if (!/^\d{3}$/.test(n)) add(m.index, `"ADR ${n}": an ADR number has three digits`);
      else if (!targets.decisions.has(n)) add(m.index, `cites ADR ${n}, which is not in ${DECISIONS}/`);
    }
  }
  for (const m of text.matchAll(UPSTREAM_ADR)) {
    add(
      m.index,
      `"${m[0]}": name Spectrum's own design records in words ("Spectrum's design record 002, Install Options"), so that "ADR" always means ${DECISIONS}/`,
    );
  }
  for (const m of text.matchAll(DASHED_ADR)) add(m.index, `"${m[0]}…": write "ADR NNN"`);
  for (const m of text.matchAll(DECISION_PATH)) {
    if (!targets.decisionFiles.has(m[1])) add(m.index, `names ${DECISIONS}/${m[1]}, which does not exist`);
  }

  for (const m of text.matchAll(MACHINE_PATH)) add(m.index, `names ${m[0]}, a path outside the repository`);
  return problems;
}

/**
 * The files whose citations are checked: text files of ours, relative to `root`.
 * @param {string} root
 * @returns {string[]}
 */
export function citingFiles(root) {
  const out = [];
  const walk = (rel) => {
    for (const name of readdirSync(path.join(root, rel)).sort()) {
      const relPath = rel ? `${rel}/${name}` : name;
      const st = statSync(path.join(root, relPath));
      if (st.isDirectory()) {
        if (!SKIP_DIRS.has(name)) walk(relPath);
      } else if ((TEXT_EXTENSIONS.has(path.extname(name)) || rel === '.ci') && !SKIP_FILES.some((re) => re.test(relPath))) {
        out.push(relPath);
      }
    }
  };
  walk('');
  return out;
}

/**
 * Every citation problem in the repository at `root`.
 * @param {string} root
 * @returns {CitationProblem[]}
 */
export function repositoryCitationProblems(root) {
  const decisionFileNames = readdirSync(path.join(root, DECISIONS));
  const targets = {
    sections: sectionNumbers(readFileSync(path.join(root, SPEC), 'utf8')),
    decisions: decisionNumbers(decisionFileNames),
    decisionFiles: new Set(decisionFileNames),
  };
  return citingFiles(root).flatMap((file) => citationProblems(file, readFileSync(path.join(root, file), 'utf8'), targets));
}
