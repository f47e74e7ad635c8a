// Test helper: a DncWorkerLike that runs the job in-process (jsdom has no module workers).
// terminate() aborts the job, as terminating a worker would stop it.
import type { DncWorkerLike } from './client';
import { type DncLoadJob, runDncJob } from './workerCore';

export class InProcessDncWorker implements DncWorkerLike {
  onmessage: DncWorkerLike['onmessage'] = null;
  onerror: DncWorkerLike['onerror'] = null;
  private readonly controller = new AbortController();

  postMessage(job: DncLoadJob): void {
    void runDncJob(
      job,
      (message) => {
        queueMicrotask(() => {
          if (!this.controller.signal.aborted) this.onmessage?.({ data: message });
        });
      },
      this.controller.signal,
    );
  }

  terminate(): void {
    this.controller.abort();
  }
}
