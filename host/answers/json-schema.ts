// The published JSON Schema of the answers file (docs/answers.schema.json), generated from the
// one zod schema; a test keeps the file current (`npm run answers -- schema --out FILE`).
import { z } from 'zod';
import { AnswersSchema } from '../../shared/answers/answers-schema';

export const ANSWERS_SCHEMA_FILE = 'docs/answers.schema.json';
export const ANSWERS_SCHEMA_ID = 'urn:spectrum-firstboot:answers:v1';

export function answersJsonSchema(): string {
  const schema = z.toJSONSchema(AnswersSchema, { target: 'draft-2020-12' });
  return JSON.stringify({ $id: ANSWERS_SCHEMA_ID, ...schema }, null, 2) + '\n';
}
