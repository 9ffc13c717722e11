// Where the project and its built programs are. Plain JavaScript: the scripts that install the
// node packages need it before TypeScript can be bundled (scripts/lib/typescript.mjs).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const HELPER_ENTRY = path.join(root, 'dist/host/helper.mjs');
export const PREVIEW_ENTRY = path.join(root, 'dist/preview/server.mjs');
