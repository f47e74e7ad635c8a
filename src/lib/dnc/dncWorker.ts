// The module worker that reads a do-not-call file and writes the list to IndexedDB off the page's
// thread. One job per worker: the page terminates it to cancel (the list is then as it was).
import { type DncLoadJob, runDncJob } from './workerCore';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<DncLoadJob>) => {
  void runDncJob(event.data, (message) => scope.postMessage(message));
};
