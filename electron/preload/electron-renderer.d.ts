// `electron` as the sandboxed preload sees it (tsconfig.json maps the module here): Electron's
// renderer side that the preload uses, and nothing of Node, which electron.d.ts would bring in
// whole. sandboxed-electron.test.ts checks that Electron's own types fit these.
export interface ContextBridge {
  exposeInMainWorld(apiKey: string, api: unknown): void;
}

export interface IpcRenderer {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on<A extends unknown[]>(channel: string, listener: (event: unknown, ...args: A) => void): unknown;
  removeListener<A extends unknown[]>(channel: string, listener: (event: unknown, ...args: A) => void): unknown;
}

export declare const contextBridge: ContextBridge;
export declare const ipcRenderer: IpcRenderer;
