// Test helper: a CsvWorkerLike that runs the job in-process (jsdom has no module workers).
import type { CsvWorkerLike } from './client';
import type { OpenDoNotCall } from './doNotCall';
import { type CsvJob, runCsvJob } from './workerCore';

export class InProcessCsvWorker implements CsvWorkerLike {
  static started = 0;
  static terminated = 0;
  onmessage: CsvWorkerLike['onmessage'] = null;
  onerror: CsvWorkerLike['onerror'] = null;
  private stopped = false;

  /** openDoNotCall: the lists the job reads, as the real worker reads the device's (csvWorker.ts). */
  constructor(private readonly openDoNotCall?: OpenDoNotCall) {
    InProcessCsvWorker.started++;
  }

  postMessage(job: CsvJob): void {
    void runCsvJob(
      job,
      (message) => {
        // Like a real worker: asynchronous delivery, nothing after terminate().
        queueMicrotask(() => {
          if (!this.stopped) this.onmessage?.({ data: message });
        });
      },
      this.openDoNotCall,
    );
  }

  terminate(): void {
    if (!this.stopped) InProcessCsvWorker.terminated++;
    this.stopped = true;
  }
}
