// The preload is type-checked against electron-renderer.d.ts, not Electron's own types (which
// bring all of Node): Electron's renderer modules must fit that narrower description.
import type { contextBridge, ipcRenderer } from 'electron';
import { describe, expectTypeOf, it } from 'vitest';
import type { ContextBridge, IpcRenderer } from './electron-renderer';

describe("the preload's view of electron", () => {
  it("is met by Electron's renderer modules", () => {
    expectTypeOf<typeof contextBridge>().toExtend<ContextBridge>();
    expectTypeOf<typeof ipcRenderer>().toExtend<IpcRenderer>();
  });
});
