// Runs zxcvbn off the main thread so typing stays smooth. Answers each request by id; holds no
// passphrase beyond the call.
import { createEstimate } from './zxcvbn';
import type { StrengthReply, StrengthRequest } from './types';

interface WorkerScope {
  onmessage: ((event: MessageEvent<StrengthRequest>) => void) | null;
  postMessage(message: StrengthReply): void;
}

const scope = self as unknown as WorkerScope;
const estimate = createEstimate();

// The page sends the next request only once this one is answered, so answers stay in order.
scope.onmessage = (event) => {
  const { id, text, userInputs, language } = event.data;
  void estimate(text, userInputs, language).then((result) => scope.postMessage({ id, result }));
};
