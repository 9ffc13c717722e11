// The one ipcRenderer.invoke channel the preload uses; the contract channel travels as its
// first argument, so main registers a single handler and the dispatcher does the rest.
export const IPC_INVOKE_CHANNEL = 'ipc';
