// The page's side of a load: starts a worker, relays progress, terminates it when the job ends or
// is aborted.
import { DncError } from './errors';
import type { DncJobMessage, DncLoadJob, DncLoadProgress, DncLoadResult } from './workerCore';

export interface DncWorkerLike {
  onmessage: ((event: { data: DncJobMessage }) => void) | null;
  onerror: ((event: { message: string }) => void) | null;
  postMessage(job: DncLoadJob): void;
  terminate(): void;
}

const createModuleWorker = (): DncWorkerLike =>
  new Worker(new URL('./dncWorker.ts', import.meta.url), {
    type: 'module',
    name: 'dnc',
  }) as unknown as DncWorkerLike;

let createWorker: () => DncWorkerLike = createModuleWorker;

/** For tests: run jobs somewhere else than a module worker. */
export function setDncWorkerFactory(factory: (() => DncWorkerLike) | null): void {
  createWorker = factory ?? createModuleWorker;
}

export interface LoadOptions {
  onProgress?: (progress: DncLoadProgress) => void;
  signal?: AbortSignal;
}

/**
 * Loads a file into a new list, or adds it to or replaces an existing one, in a worker. Rejects
 * with a DncError (the lists then are as they were) or the signal's reason.
 */
export function loadDncFile(
  job: DncLoadJob,
  { onProgress, signal }: LoadOptions = {},
): Promise<DncLoadResult> {
  return new Promise<DncLoadResult>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    let worker: DncWorkerLike;
    try {
      worker = createWorker();
    } catch (error) {
      reject(new DncError('workerFailed', String(error)));
      return;
    }
    const stop = () => {
      worker.onmessage = null;
      worker.onerror = null;
      worker.terminate();
      signal?.removeEventListener('abort', abort);
    };
    const abort = () => {
      stop();
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', abort, { once: true });
    worker.onerror = (event) => {
      stop();
      reject(new DncError('workerFailed', event.message));
    };
    worker.onmessage = ({ data }) => {
      if (data.type === 'progress') onProgress?.(data.progress);
      else if (data.type === 'error') {
        stop();
        reject(new DncError(data.code, data.detail));
      } else {
        stop();
        resolve(data.result);
      }
    };
    worker.postMessage(job);
  });
}
