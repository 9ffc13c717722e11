// Every citation of the spec (docs/protocol.md and its section numbers) and of the decision
// records (ADR and a number) in code, scripts and documents resolves, and nothing cites a file
// outside the repository. The broken inputs below are assembled from pieces so that this file
// itself passes the check it tests.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { citationProblems, decisionNumbers, repositoryCitationProblems, sectionNumbers } from './lib/citations.mjs';

const ROOT = path.resolve(__dirname, '..');
const S = '\u00a7';
const SPEC = 'docs/protocol.md';
const ADR = 'AD' + 'R';
const DECISIONS = 'docs/deci' + 'sions/';

const targets = {
  sections: sectionNumbers(
    ['# Title', '## 1. Transport', '## 5. Verification, in order', '### 5.2 Signature', '### 5.3 Session', '#### not numbered'].join('\n'),
  ),
  decisions: decisionNumbers(['011-nothing-is-lost.md', '020-transport.md', 'README.txt']),
  decisionFiles: new Set(['011-nothing-is-lost.md', '020-transport.md']),
};
const problemsOf = (text: string, file = 'host/x.ts'): string[] => citationProblems(file, text, targets).map((p) => p.problem);

describe('citations in the repository', () => {
  it('all resolve to a heading of docs/protocol.md or a file in docs/decisions/, and none leaves the repository', () => {
    const problems = repositoryCitationProblems(ROOT).map((p) => `${p.file}:${p.line}: ${p.problem}`);
    expect(problems).toEqual([]);
  });
});

describe('the citation check', () => {
  it('reads the numbered headings of the spec and the numbers of the decision records', () => {
    expect([...targets.sections]).toEqual(['1', '5', '5.2', '5.3']);
    expect([...targets.decisions]).toEqual(['011', '020']);
  });

  it.each([
    `// ${SPEC} ${S}5.2: the signature`,
    `// the order of ${SPEC} ${S}5.2, ${S}5.3 and ${S}1`,
    `// ${SPEC} ${S}5.2 to ${S}5.3`,
    `(${ADR} 011), ${ADR} 011 and ${ADR} 020, ${ADR}s 011, 020`,
    `see ${DECISIONS}011-nothing-is-lost.md`,
    `Spectrum's design record 002, Install Options`,
  ])('accepts %s', (text) => {
    expect(problemsOf(text)).toEqual([]);
  });

  it.each([
    [`// ${SPEC} ${S}6.4: no such heading`, /has no such heading/],
    [`// ${SPEC} ${S}5.2 and ${S}9`, /9, which has no such heading/],
    [`// the rules of ${S}5.2`, /does not say what it cites/],
    [`// CTAP 2.1 ${S}12.5`, /does not say what it cites/],
    [`// see ${'PROTO'}COL.md ${S}5`, /not in the repository/],
    [`// ${'REFER'}ENCE.md, "systemd tokens"`, /not in the repository/],
    [`// ${'/wo'}rk/shared/notes`, /outside the repository/],
    [`(${ADR} 099)`, /099, which is not in docs\/decisions/],
    [`${ADR} 011 to ${ADR} 099`, /099/],
    [`(${ADR} 2)`, /three digits/],
    [`Spectrum's ${ADR} 002 profile rules`, /in words/],
    [`upstream ${ADR} 004`, /in words/],
    [`${ADR}-011`, /write "ADR NNN"/],
    [`${DECISIONS}012-missing.md`, /does not exist/],
  ])('refuses %s', (text, problem) => {
    const found = problemsOf(text);
    expect(
      found.some((p) => problem.test(p)),
      found.join('\n'),
    ).toBe(true);
  });

  it('lets the spec refer to its own headings without its name, and checks them too', () => {
    expect(problemsOf(`see ${S}5.3 and ${S}1`, SPEC)).toEqual([]);
    expect(problemsOf(`see ${S}7`, SPEC)).toEqual([expect.stringMatching(/not a heading of this document/)]);
  });

  it('gives the line of each problem', () => {
    const [problem] = citationProblems('host/x.ts', `line one\nline two ${S}4\n`, targets);
    expect(problem).toMatchObject({ file: 'host/x.ts', line: 2 });
  });
});
