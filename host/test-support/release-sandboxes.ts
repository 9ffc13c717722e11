// A vitest setup file: after each test file, whatever its tests did or failed to do, every
// sandbox folder it made gives back its mounts and loop devices.
import { afterAll } from 'vitest';
import { releaseSandbox } from '../sandbox/release';
import { madeTempDirs } from './sandbox-helper';

afterAll(() => {
  for (const dir of madeTempDirs) releaseSandbox(dir);
});
