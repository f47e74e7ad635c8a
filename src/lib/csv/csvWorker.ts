// The module worker that reads, analyses and rewrites CSV files off the page's thread. One job
// per worker: the page terminates it to cancel.
import { type CsvJob, runCsvJob } from './workerCore';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<CsvJob>) => {
  void runCsvJob(event.data, (message, transfer) => scope.postMessage(message, transfer ?? []));
};
