// Install events fan out from the install service to every subscriber (the Electron window,
// each preview WebSocket). A subscriber that throws cannot stop the others.
import type { InstallEvent } from '../../shared/ipc/contract';

export type InstallEventListener = (event: InstallEvent) => void;

export class EventHub {
  private readonly listeners = new Set<InstallEventListener>();

  subscribe(listener: InstallEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: InstallEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch {
        // a closed window or socket: its own transport cleans up
      }
    }
  }
}
