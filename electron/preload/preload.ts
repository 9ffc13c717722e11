// The sandboxed preload (CommonJS, built to dist/electron/preload.cjs). It exposes exactly the
// IPC contract's functions as window.spectrum and nothing else: no ipcRenderer, and events
// reach the page without Electron's IpcRendererEvent.
import { contextBridge, ipcRenderer } from 'electron';
import { API_GLOBAL, createApiClient, type InvokeFn, type SubscribeFn } from '../../shared/ipc/api';
import { EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../shared/ipc/channels';
import type { InstallEvent, IpcResult } from '../../shared/ipc/contract';

// Main answers every invoke with an IpcResult (electron/main/ipc-bridge.ts and the dispatcher).
const invoke: InvokeFn = (channel, request) => ipcRenderer.invoke(IPC_INVOKE_CHANNEL, channel, request) as Promise<IpcResult<unknown>>;

const subscribe: SubscribeFn = (listener) => {
  const wrapped = (_event: unknown, installEvent: InstallEvent) => listener(installEvent);
  ipcRenderer.on(EVENT_CHANNEL, wrapped);
  return () => {
    ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
  };
};

contextBridge.exposeInMainWorld(API_GLOBAL, createApiClient(invoke, subscribe));
