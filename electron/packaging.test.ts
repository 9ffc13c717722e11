// electron-builder.yml, read and validated by electron-builder's own configuration loader
// against its schema (no Electron download needed), and held to the packaging decisions.
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');
const require = createRequire(import.meta.url);

interface BuilderConfig {
  asar?: boolean;
  files?: { filter: string[] }[];
  linux?: { target?: string[] };
  electronFuses?: Record<string, boolean>;
  deb?: { depends?: string[] };
}

async function loadConfig(): Promise<BuilderConfig> {
  // electron-builder's internals: the loader the CLI itself uses, with its JSON-schema validation.
  const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
    getConfig(projectDir: string, configPath: string | null, fromOptions: null): Promise<BuilderConfig>;
    validateConfiguration(config: BuilderConfig, logger: unknown): Promise<void>;
  };
  const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
  const config = await getConfig(root, path.join(root, 'electron-builder.yml'), null);
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

describe('electron-builder.yml', () => {
  it('is valid and builds dir and deb for Linux, in an asar, with only the built files', async () => {
    const config = await loadConfig();
    expect(config.asar).toBe(true);
    expect(config.linux?.target).toEqual(['dir', 'deb']);
    expect(config.files).toEqual([
      {
        filter: [
          'package.json',
          'dist/electron/main.cjs',
          'dist/electron/preload.cjs',
          'dist/renderer/**/*',
          '!**/*.map',
          '!**/node_modules/**/*',
        ],
      },
    ]);
    expect(config.deb?.depends).toContain('socat');
  });

  it('sets every fuse the hardening needs', async () => {
    expect((await loadConfig()).electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});
