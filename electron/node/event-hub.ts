// Install events fan out from the install service to every subscriber (the Electron window,
// each preview WebSocket). A subscriber that throws cannot stop the others.
import type { InstallEvent } from '../../shared/ipc/contract';
import { Registry } from '../../shared/util/registry';

export type InstallEventListener = (event: InstallEvent) => void;

export class EventHub {
  private readonly listeners = new Registry<InstallEventListener>();

  subscribe(listener: InstallEventListener): () => void {
    return this.listeners.add(listener);
  }

  emit(event: InstallEvent): void {
    for (const listener of this.listeners.current()) {
      try {
        listener(event);
      } catch {
        // a closed window or socket: its own transport cleans up
      }
    }
  }
}
