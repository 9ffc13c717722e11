// Asks for a passphrase strength estimate: in a Web Worker when the page can start one, else
// in the page (still loaded lazily). Only the latest request's answer matters.
import type { StrengthReply, StrengthResult } from './types';
import type { Estimate } from './zxcvbn';

export interface StrengthEstimator {
  estimate(text: string, userInputs: readonly string[]): Promise<StrengthResult>;
  dispose(): void;
}

function inPage(): StrengthEstimator {
  let loaded: Promise<Estimate> | null = null;
  return {
    estimate(text, userInputs) {
      loaded ??= import('./zxcvbn').then((m) => m.createEstimate());
      return loaded.then((estimate) => estimate(text, userInputs));
    },
    dispose() {},
  };
}

export function createStrengthEstimator(): StrengthEstimator {
  let worker: Worker | null = null;
  try {
    worker = new Worker(new URL('./strength.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return inPage();
  }
  const fallback = inPage();
  const waiting = new Map<number, { text: string; userInputs: readonly string[]; resolve: (r: StrengthResult) => void }>();
  let nextId = 1;
  let broken = false;

  worker.onmessage = (event: MessageEvent<StrengthReply>) => {
    const w = waiting.get(event.data.id);
    waiting.delete(event.data.id);
    w?.resolve(event.data.result);
  };
  // A worker that cannot load (a file:// page, a strict policy) hands its work to the page.
  worker.onerror = () => {
    broken = true;
    worker?.terminate();
    for (const [id, w] of waiting) {
      waiting.delete(id);
      void fallback.estimate(w.text, w.userInputs).then(w.resolve);
    }
  };

  return {
    estimate(text, userInputs) {
      if (broken || !worker) return fallback.estimate(text, userInputs);
      const id = nextId++;
      return new Promise((resolve) => {
        waiting.set(id, { text, userInputs, resolve });
        worker!.postMessage({ id, text, userInputs });
      });
    },
    dispose() {
      worker?.terminate();
      waiting.clear();
    },
  };
}
