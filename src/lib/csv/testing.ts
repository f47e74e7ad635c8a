// Test helper: a CsvWorkerLike that runs the job in-process (jsdom has no module workers).
import type { CsvWorkerLike } from './client';
import { type CsvJob, type CsvJobMessage, runCsvJob } from './workerCore';

export class InProcessCsvWorker implements CsvWorkerLike {
  static started = 0;
  static terminated = 0;
  onmessage: ((event: MessageEvent<CsvJobMessage>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  private stopped = false;

  constructor() {
    InProcessCsvWorker.started++;
  }

  postMessage(job: CsvJob): void {
    void runCsvJob(job, (message) => {
      // Like a real worker: asynchronous delivery, nothing after terminate().
      queueMicrotask(() => {
        if (!this.stopped) this.onmessage?.({ data: message } as MessageEvent<CsvJobMessage>);
      });
    });
  }

  terminate(): void {
    if (!this.stopped) InProcessCsvWorker.terminated++;
    this.stopped = true;
  }
}
