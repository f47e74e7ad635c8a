// The module worker that reads, analyses and rewrites CSV files off the page's thread. One job
// per worker: the page terminates it to cancel. Every job consults the device's do-not-call lists,
// which it reads itself from IndexedDB (src/lib/dnc): the page never posts listed numbers here.
// Its own entry, not ../dnc's index: that one's list loader bundles a worker that bundles this one.
import { openDncLookup } from '../dnc/lookup';
import { type CsvJob, runCsvJob } from './workerCore';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<CsvJob>) => {
  void runCsvJob(
    event.data,
    (message, transfer) => scope.postMessage(message, transfer ?? []),
    openDncLookup,
  );
};
