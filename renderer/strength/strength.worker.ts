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

scope.onmessage = (event) => {
  const { id, text, userInputs } = event.data;
  scope.postMessage({ id, result: estimate(text, userInputs) });
};
