import { isAbortError } from '../../../lib/errors';
import type { UploadResult } from '../../../types';

/** One CSV the server receives in one request: a whole file, or one of its consecutive parts. */
export interface SendablePart {
  blob: Blob;
  /** Data rows in this part (a header row not counted). */
  rows: number;
  firstRowIsHeader: boolean;
  varCount: number;
  /** The line of the operator's original file that a line of this part came from (both 1-based); null: none. */
  sourceLine: (partLine: number) => number | null;
}

export type PartStatus = 'pending' | 'sending' | 'done' | 'failed';

export interface PartState {
  index: number;
  rows: number;
  bytes: number;
  /** Bytes of this part's body sent so far (scaled to the part's size, framing excluded). */
  sent: number;
  status: PartStatus;
  result?: UploadResult;
  error?: unknown;
}

export type UploadPhase =
  | 'idle'
  | 'building' // the worker writes the parts
  | 'sending'
  | 'failed' // a part (or the build) failed: retry resumes from it
  | 'canceled' // the operator stopped: retry resumes from the part that was interrupted
  | 'finishing' // every part accepted: reading the campaign's new total
  | 'done';

export interface UploadRunState {
  phase: UploadPhase;
  /** 0..1 while the worker builds the parts. */
  buildProgress: number;
  parts: PartState[];
  /** The error that stopped the run (a part's or the build's). */
  error?: unknown;
  /** The campaign's number total before the first part was sent (null: unknown). */
  totalBefore: number | null;
  totalAfter: number | null;
}

export interface UploadSessionDeps {
  /** Builds the parts to send (in the worker). Called once per session: retries reuse its parts. */
  prepare: (signal: AbortSignal, onProgress: (ratio: number) => void) => Promise<SendablePart[]>;
  send: (
    part: SendablePart,
    controls: { signal: AbortSignal; onProgress: (loaded: number, total: number) => void },
  ) => Promise<UploadResult>;
  /** The campaign's total number count (null when the API does not say). */
  countNumbers: (signal: AbortSignal) => Promise<number | null>;
}

export const isRunning = (run: UploadRunState) =>
  run.phase === 'building' || run.phase === 'sending' || run.phase === 'finishing';

export const initialRunState: UploadRunState = {
  phase: 'idle',
  buildProgress: 0,
  parts: [],
  totalBefore: null,
  totalAfter: null,
};

/**
 * One upload of one analysed file: builds its parts once, sends them in order, and on a failure or a
 * cancel resumes from the part that did not get through. Parts already accepted are never sent again.
 * Plain TypeScript with a subscribe/getSnapshot pair, so React reads it with useSyncExternalStore.
 */
export class UploadSession {
  private state: UploadRunState = initialRunState;
  private readonly listeners = new Set<() => void>();
  private parts: SendablePart[] | null = null;
  private controller: AbortController | null = null;
  private totalKnown = false;

  constructor(private readonly deps: UploadSessionDeps) {}

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  getSnapshot = () => this.state;

  get running() {
    return (
      this.state.phase === 'building' || this.state.phase === 'sending' || this.state.phase === 'finishing'
    );
  }

  /** No part has been accepted yet: the settings may still change (the session is then replaced). */
  get pristine() {
    return !this.state.parts.some((part) => part.status === 'done');
  }

  private set(patch: Partial<UploadRunState>) {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  private setPart(index: number, patch: Partial<PartState>) {
    this.set({
      parts: this.state.parts.map((part) => (part.index === index ? { ...part, ...patch } : part)),
    });
  }

  /** Starts, resumes after a failure or cancel, or retries the count of a finished upload. */
  start = async (): Promise<void> => {
    if (this.running || this.state.phase === 'done') return;
    const controller = new AbortController();
    this.controller = controller;
    const { signal } = controller;
    try {
      if (!this.totalKnown) {
        this.set({ phase: 'building', error: undefined });
        // The count before the first part: the fallback summary when the server's answers carry no counts.
        this.set({ totalBefore: await this.deps.countNumbers(signal).catch(() => null) });
        this.totalKnown = true;
      }
      if (!this.parts) {
        this.set({ phase: 'building', buildProgress: 0, error: undefined });
        const parts = await this.deps.prepare(signal, (ratio) => this.set({ buildProgress: ratio }));
        signal.throwIfAborted();
        this.parts = parts;
        this.set({
          buildProgress: 1,
          parts: parts.map((part, index) => ({
            index,
            rows: part.rows,
            bytes: part.blob.size,
            sent: 0,
            status: 'pending',
          })),
        });
      }
      this.set({ phase: 'sending', error: undefined });
      for (const [index, part] of this.parts.entries()) {
        if (this.state.parts[index]?.status === 'done') continue;
        this.setPart(index, { status: 'sending', sent: 0, error: undefined });
        let result: UploadResult;
        try {
          result = await this.deps.send(part, {
            signal,
            onProgress: (loaded, total) =>
              this.setPart(index, {
                sent: total > 0 ? Math.min(part.blob.size, (loaded / total) * part.blob.size) : 0,
              }),
          });
        } catch (error) {
          this.setPart(index, { status: 'failed', sent: 0, error });
          throw error;
        }
        this.setPart(index, { status: 'done', sent: part.blob.size, result });
      }
      this.set({ phase: 'finishing' });
      const totalAfter =
        this.state.totalBefore === null ? null : await this.deps.countNumbers(signal).catch(() => null);
      this.set({ phase: 'done', totalAfter });
    } catch (error) {
      this.set({ phase: isAbortError(error) || signal.aborted ? 'canceled' : 'failed', error });
    } finally {
      if (this.controller === controller) this.controller = null;
    }
  };

  /** The original file's line of line `line` of part `index` (null when unknown). */
  sourceLine = (index: number, line: number): number | null => this.parts?.[index]?.sourceLine(line) ?? null;

  cancel = () => {
    this.controller?.abort(new DOMException('The operator canceled the upload.', 'AbortError'));
  };
}
