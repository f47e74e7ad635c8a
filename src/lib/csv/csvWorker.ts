// The module worker that reads, analyses and rewrites CSV files off the page's thread. One job
// per worker: the page terminates it to cancel. Every job consults the device's do-not-call lists,
// which it reads itself from IndexedDB (src/lib/dnc): the page never posts listed numbers here.
// Its own entry, not ../dnc's index: that one's list loader bundles a worker that bundles this one.
import { openDncLookup } from '../dnc/lookup';
import { inlineRowsWriter, type RowsSource, type RowsWriterPort, type WrittenRows } from './validRows';
import type { RowsWriterReply, RowsWriterRequest } from './validRowsWorker';
import { type CsvJob, runCsvJob } from './workerCore';

const scope = self as unknown as DedicatedWorkerGlobalScope;

/** Batches on their way to the rows' writer before the analysis waits for it (each about 1 MB). */
const MAX_IN_FLIGHT = 8;

/**
 * The valid rows' writer in a worker of its own (validRowsWorker.ts); in line when none can start.
 * A writer that fails makes finish() reject: the analysis then goes on without written rows.
 */
function startRowsWriter(source: RowsSource): RowsWriterPort {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./validRowsWorker.ts', import.meta.url), {
      type: 'module',
      name: 'csv-rows',
    });
  } catch {
    return inlineRowsWriter(source);
  }
  let inFlight = 0;
  let failed: Error | null = null;
  let waiting: (() => void) | null = null;
  let finished: { resolve: (written: WrittenRows) => void; reject: (error: Error) => void } | null = null;
  const wake = () => {
    waiting?.();
    waiting = null;
  };
  const fail = (message: string) => {
    failed = new Error(message);
    finished?.reject(failed);
    wake();
    worker.terminate();
  };
  worker.onmessage = ({ data }: MessageEvent<RowsWriterReply>) => {
    if (data.type === 'ack') {
      inFlight--;
      if (inFlight < MAX_IN_FLIGHT) wake();
    } else if (data.type === 'written') {
      finished?.resolve(data.written);
      worker.terminate();
    } else fail(data.message);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    fail(event.message || 'the rows writer could not start');
  };
  const request = (message: RowsWriterRequest, transfer: Transferable[] = []) =>
    worker.postMessage(message, transfer);
  request({ type: 'start', source });
  return {
    send: (batch) => {
      if (failed) return;
      inFlight++;
      request({ type: 'batch', batch }, [batch.ops.buffer]);
    },
    ready: () =>
      failed || inFlight < MAX_IN_FLIGHT
        ? undefined
        : new Promise<void>((resolve) => {
            waiting = resolve;
          }),
    finish: () =>
      new Promise<WrittenRows>((resolve, reject) => {
        if (failed) {
          reject(failed);
          return;
        }
        finished = { resolve, reject };
        request({ type: 'finish' });
      }),
    close: () => worker.terminate(),
  };
}

scope.onmessage = (event: MessageEvent<CsvJob>) => {
  void runCsvJob(
    event.data,
    (message, transfer) => scope.postMessage(message, transfer ?? []),
    openDncLookup,
    startRowsWriter,
  );
};
