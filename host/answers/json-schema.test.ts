// The published JSON Schema is the zod schema's, and the example `init` writes is valid.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../catalog/load-catalog';
import { exampleAnswers } from './cli/example';
import { ANSWERS_SCHEMA_FILE, answersJsonSchema } from './json-schema';
import { checkText } from './verify-answers';

describe('the published answers schema', () => {
  it(`${ANSWERS_SCHEMA_FILE} is current (regenerate: npm run answers -- schema --out ${ANSWERS_SCHEMA_FILE})`, () => {
    const published = readFileSync(path.join(__dirname, '../..', ANSWERS_SCHEMA_FILE), 'utf8');
    expect(published).toBe(answersJsonSchema());
  });

  it('forbids fields it does not name, as the helper does', () => {
    const schema = JSON.parse(answersJsonSchema()) as { additionalProperties: boolean; properties: Record<string, unknown> };
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties)).toEqual([
      'schema',
      'organization',
      'locale',
      'keyboard',
      'accessibility',
      'profile',
      'apps',
      'startFresh',
      'encryption',
      'interactive',
      'escrow',
    ]);
  });

  it('the example init writes is valid as it stands, with and without escrow', () => {
    expect(checkText(exampleAnswers(null), loadCatalog())).toMatchObject({ ok: true });
    expect(checkText(exampleAnswers('A'.repeat(42) + 'A'), loadCatalog())).toMatchObject({
      ok: true,
      answers: { escrow: { publicKey: 'A'.repeat(43) } },
    });
  });
});
