// Small fakes of the Electron objects the security wiring touches, for tests that cannot load
// Electron. Each records what was registered so a test can fire events and read answers.
import type {
  AppLike,
  HeadersReceivedDetails,
  InvokeEventLike,
  IpcMainLike,
  PreventableEvent,
  ProtocolLike,
  SessionLike,
  WebContentsLike,
  CustomSchemeLike,
} from '../electron-surface';

type Listener = (...args: never[]) => unknown;

export class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  /** Fires an event; returns whether a listener prevented its default. */
  fire(event: string, ...args: unknown[]): boolean {
    const e = fakeEvent();
    for (const l of this.listeners.get(event) ?? []) (l as (...a: unknown[]) => unknown)(e, ...args);
    return e.defaultPrevented;
  }
}

export function fakeEvent(): PreventableEvent & { readonly defaultPrevented: boolean } {
  let prevented = false;
  return {
    preventDefault: () => {
      prevented = true;
    },
    get defaultPrevented() {
      return prevented;
    },
  };
}

export class FakeWebContents extends FakeEmitter implements WebContentsLike {
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }
}

export class FakeApp extends FakeEmitter implements AppLike {}

export class FakeSession extends FakeEmitter implements SessionLike {
  permissionRequest: ((webContents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
  permissionCheck: ((webContents: unknown, permission: string) => boolean) | null = null;
  devicePermission: (() => boolean) | null = null;
  headersReceived:
    ((details: HeadersReceivedDetails, callback: (r: { responseHeaders: Record<string, string[]> }) => void) => void) | null = null;
  setPermissionRequestHandler(h: FakeSession['permissionRequest']): void {
    this.permissionRequest = h;
  }
  setPermissionCheckHandler(h: FakeSession['permissionCheck']): void {
    this.permissionCheck = h;
  }
  setDevicePermissionHandler(h: () => boolean): void {
    this.devicePermission = h;
  }
  readonly webRequest = {
    onHeadersReceived: (listener: NonNullable<FakeSession['headersReceived']>) => {
      this.headersReceived = listener;
    },
  };
}

export class FakeProtocol implements ProtocolLike {
  privileged: CustomSchemeLike[] = [];
  handlers = new Map<string, (request: Request) => Response | Promise<Response>>();
  registerSchemesAsPrivileged(schemes: CustomSchemeLike[]): void {
    this.privileged.push(...schemes);
  }
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void {
    this.handlers.set(scheme, handler);
  }
}

export class FakeIpcMain implements IpcMainLike {
  handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void {
    this.handlers.set(channel, listener);
  }
}

/** An invoke event from a frame of a web contents. */
export function invokeEvent(url: string, options: { contentsId?: number; subframe?: boolean } = {}): InvokeEventLike {
  const top = { url: options.subframe ? 'app://spectrum/index.html' : url, parent: null };
  return {
    sender: { id: options.contentsId ?? 1 },
    senderFrame: options.subframe ? { url, parent: top } : top,
  };
}
