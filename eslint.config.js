// Lint, including the layer table of the developers' guide: which folder may import what.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import spectrum from './scripts/eslint-plugin-spectrum.js';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const PRELOAD =
  "electron/preload/ runs sandboxed: it may import shared/ and Electron's renderer side (contextBridge, ipcRenderer, webFrame, webUtils), never Node or other layers.";

/** One no-restricted-imports rule for a layer: banned packages and banned sibling layers. */
function layer(message, { packages = [], layers = [] }) {
  return {
    'no-restricted-imports': [
      'error',
      {
        paths: packages.map((name) => ({ name, message })),
        patterns: [
          ...layers.map((l) => ({ group: [`**/${l}`, `**/${l}/**`, `${l}/**`], message })),
          ...(packages.includes('fs') ? [{ group: ['node:*'], message }] : []),
        ],
      },
    ],
  };
}

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'out/**', '.cache/**', 'e2e/.output/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  // shared/: pure TypeScript. Nothing else of ours, no Node, no DOM, no Electron, no React.
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: layer('shared/ is pure TypeScript: it imports nothing of ours above it, nor Node, Electron or React.', {
      packages: [...nodeBuiltins, 'electron', 'react', 'react-dom', 'ws'],
      layers: ['electron', 'renderer', 'host', 'e2e', 'assets', 'shared-node'],
    }),
  },
  // shared-node/: Node code that electron/ and host/ both use. shared/ and Node; never Electron.
  {
    files: ['shared-node/**/*.ts'],
    ignores: ['shared-node/**/*.test.ts'],
    rules: layer(
      'shared-node/ is Node code for electron/ and host/: it imports shared/ and Node only, never Electron, React or another layer.',
      {
        packages: ['electron', 'react', 'react-dom'],
        layers: ['electron', 'renderer', 'host', 'e2e'],
      },
    ),
  },
  // renderer/: the React UI. shared/ only; never Node, never electron/ or host/.
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: ['renderer/**/*.test.ts', 'renderer/**/*.test.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, spectrum },
    rules: {
      ...layer('renderer/ runs in the sandboxed page: it may import shared/ only, never Node, shared-node/, electron/ or host/.', {
        packages: [...nodeBuiltins, 'electron', 'ws'],
        layers: ['electron', 'host', 'e2e', 'shared-node'],
      }),
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'spectrum/no-literal-ui-text': 'error',
    },
  },
  // electron/: main process and preload. shared/ and shared-node/.
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/**/*.test.ts'],
    rules: layer('electron/ may import shared/ and shared-node/, never renderer/ or host/.', { layers: ['renderer', 'host', 'e2e'] }),
  },
  // electron/preload/: the sandboxed preload. Electron's renderer side and shared/ only; no Node.
  {
    files: ['electron/preload/**/*.ts'],
    ignores: ['electron/preload/**/*.test.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins.map((name) => ({ name, message: PRELOAD })),
            { name: 'electron', allowImportNames: ['contextBridge', 'ipcRenderer', 'webFrame', 'webUtils'], message: PRELOAD },
          ],
          patterns: [
            { group: ['node:*'], message: PRELOAD },
            ...['node', 'main', 'renderer', 'host', 'e2e', 'shared-node'].map((l) => ({
              group: [`**/${l}`, `**/${l}/**`, `${l}/**`],
              message: PRELOAD,
            })),
          ],
        },
      ],
    },
  },
  // electron/node/: plain Node code (handlers, transports, preview server) that also runs
  // outside Electron, so it must not import the electron module.
  {
    files: ['electron/node/**/*.ts'],
    ignores: ['electron/node/**/*.test.ts'],
    rules: layer(
      'electron/node/ runs without Electron too (browser preview, tests): import electron only in electron/main/ or electron/preload/.',
      {
        packages: ['electron'],
        layers: ['renderer', 'host', 'e2e', 'main', 'preload'],
      },
    ),
  },
  // host/: the provisioning helper. shared/ and shared-node/; never Electron.
  {
    files: ['host/**/*.ts'],
    ignores: ['host/**/*.test.ts'],
    rules: layer('host/ may import shared/ and shared-node/, never electron/ or renderer/.', {
      packages: ['electron', 'react'],
      layers: ['electron', 'renderer', 'e2e'],
    }),
  },
);
