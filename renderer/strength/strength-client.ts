// Asks for a passphrase strength estimate: in a Web Worker when the page can start one, else
// in the page (still loaded lazily). Only the latest request's answer matters: while the worker
// works on one request, a newer one replaces any that waits, and the replaced one gets null.
import type { StrengthReply, StrengthResult } from './types';
import type { Estimate } from './zxcvbn';

export interface StrengthEstimator {
  /** Null when a newer request made this one moot before it was worked on. */
  estimate(text: string, userInputs: readonly string[], language: string): Promise<StrengthResult | null>;
  /** Whether estimates are made off the main thread (so asking on every keystroke is cheap). */
  readonly inWorker: boolean;
  dispose(): void;
}

function inPage(): StrengthEstimator {
  let loaded: Promise<Estimate> | null = null;
  return {
    inWorker: false,
    estimate(text, userInputs, language) {
      loaded ??= import('./zxcvbn').then((m) => m.createEstimate());
      return loaded.then((estimate) => estimate(text, userInputs, language));
    },
    dispose() {},
  };
}

interface Request {
  readonly text: string;
  readonly userInputs: readonly string[];
  readonly language: string;
  readonly resolve: (r: StrengthResult | null) => void;
}

export function createStrengthEstimator(): StrengthEstimator {
  let worker: Worker | null = null;
  try {
    worker = new Worker(new URL('./strength.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return inPage();
  }
  const fallback = inPage();
  let working: { id: number; request: Request } | null = null;
  let waiting: Request | null = null;
  let nextId = 1;
  let broken = false;

  const send = (request: Request) => {
    working = { id: nextId++, request };
    worker!.postMessage({ id: working.id, text: request.text, userInputs: request.userInputs, language: request.language });
  };

  worker.onmessage = (event: MessageEvent<StrengthReply>) => {
    if (!working || working.id !== event.data.id) return;
    working.request.resolve(event.data.result);
    working = null;
    if (waiting) {
      const next = waiting;
      waiting = null;
      send(next);
    }
  };
  // A worker that cannot load (a file:// page, a strict policy) hands its work to the page.
  worker.onerror = () => {
    broken = true;
    worker?.terminate();
    for (const r of [working?.request, waiting]) if (r) void fallback.estimate(r.text, r.userInputs, r.language).then(r.resolve);
    working = null;
    waiting = null;
  };

  return {
    get inWorker() {
      return !broken;
    },
    estimate(text, userInputs, language) {
      if (broken || !worker) return fallback.estimate(text, userInputs, language);
      return new Promise((resolve) => {
        const request = { text, userInputs, language, resolve };
        if (!working) return send(request);
        waiting?.resolve(null);
        waiting = request;
      });
    },
    dispose() {
      worker?.terminate();
      working = null;
      waiting = null;
    },
  };
}
