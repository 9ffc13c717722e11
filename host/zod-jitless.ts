// The helper parses each message kind a handful of times per boot (one plan in its life), so
// zod's compiled fast path per schema (generated code, compiled on first use) costs more than
// it saves, on the path to `accepted` most of all (docs/decisions/051-helper-cold-path.md).
// Zod reads this setting when a schema is made: cli.ts imports this module before any other.
import { z } from 'zod';

z.config({ jitless: true });
