import { describe, expect, it, vi } from 'vitest';
import type { UploadResult } from '../../../types';
import { type SendablePart, UploadSession, type UploadSessionDeps } from './session';

const part = (rows: number, firstLine: number): SendablePart => ({
  blob: new Blob(['x'.repeat(rows * 10)]),
  rows,
  firstRowIsHeader: false,
  varCount: 0,
  sourceLine: (line) => (line >= 1 && line <= rows ? firstLine + line - 1 : null),
});

const deferred = <T>() => {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

const ok = (inserted: number): UploadResult => ({ inserted, rejectedCount: 0, rejected: [] });

const setup = (parts: SendablePart[], send: UploadSessionDeps['send']) => {
  const deps = {
    prepare: vi.fn(async () => parts),
    send: vi.fn(send),
    countNumbers: vi.fn(async () => 10),
  };
  return { deps, session: new UploadSession(deps) };
};

describe('UploadSession', () => {
  it('sends the parts in order and reports the bytes sent of all of them', async () => {
    const parts = [part(3, 1), part(2, 4)];
    const progress: number[] = [];
    const { session, deps } = setup(parts, async (p, { onProgress }) => {
      onProgress(50, 100);
      progress.push(
        session.getSnapshot().parts.reduce((sum, s) => sum + (s.status === 'done' ? s.bytes : s.sent), 0),
      );
      return ok(p.rows);
    });
    await session.start();
    const state = session.getSnapshot();
    expect(state.phase).toBe('done');
    expect(deps.send.mock.calls.map(([p]) => p)).toEqual(parts);
    // Half of part 1 (15 of 30 bytes), then all of part 1 and half of part 2 (30 + 10).
    expect(progress).toEqual([15, 40]);
    expect(state.parts.map((p) => [p.status, p.result?.inserted])).toEqual([
      ['done', 3],
      ['done', 2],
    ]);
    expect(state.totalBefore).toBe(10);
    expect(deps.countNumbers).toHaveBeenCalledTimes(2);
  });

  it('retries a failed part without resending the parts already accepted or rebuilding', async () => {
    const parts = [part(2, 1), part(2, 3), part(2, 5)];
    let failNext = true;
    const { session, deps } = setup(parts, async (p) => {
      if (p === parts[1] && failNext) {
        failNext = false;
        throw Object.assign(new Error('Service Unavailable'), { status: 503 });
      }
      return ok(2);
    });
    await session.start();
    let state = session.getSnapshot();
    expect(state.phase).toBe('failed');
    expect(state.parts.map((p) => p.status)).toEqual(['done', 'failed', 'pending']);
    expect((state.error as { status: number }).status).toBe(503);

    await session.start();
    state = session.getSnapshot();
    expect(state.phase).toBe('done');
    expect(deps.send.mock.calls.map(([p]) => parts.indexOf(p))).toEqual([0, 1, 1, 2]);
    expect(deps.prepare).toHaveBeenCalledTimes(1);
    // The "before" total is the one read before the first attempt, not before the retry.
    expect(deps.countNumbers).toHaveBeenCalledTimes(2);
  });

  it('cancels the part under way and resumes from it', async () => {
    const parts = [part(1, 1), part(1, 2)];
    const started = deferred<void>();
    let calls = 0;
    const { session, deps } = setup(parts, (p, { signal }) => {
      calls++;
      if (p === parts[1] && calls === 2) {
        started.resolve();
        return new Promise((_, reject) =>
          signal.addEventListener('abort', () => reject(new DOMException('stop', 'AbortError'))),
        );
      }
      return Promise.resolve(ok(1));
    });
    const run = session.start();
    await started.promise;
    expect(session.getSnapshot().parts.map((p) => p.status)).toEqual(['done', 'sending']);
    session.cancel();
    await run;
    expect(session.getSnapshot().phase).toBe('canceled');
    expect(session.getSnapshot().parts.map((p) => p.status)).toEqual(['done', 'failed']);

    await session.start();
    expect(session.getSnapshot().phase).toBe('done');
    expect(deps.send.mock.calls.map(([p]) => parts.indexOf(p))).toEqual([0, 1, 1]);
  });

  it('a cancel while the parts are built builds them again on the next start', async () => {
    const parts = [part(1, 1)];
    const deps: UploadSessionDeps = {
      prepare: vi.fn(
        (signal: AbortSignal) =>
          new Promise<SendablePart[]>((resolve, reject) => {
            if (vi.mocked(deps.prepare).mock.calls.length > 1) resolve(parts);
            else signal.addEventListener('abort', () => reject(new DOMException('stop', 'AbortError')));
          }),
      ),
      send: vi.fn(async () => ok(1)),
      countNumbers: vi.fn(async () => null),
    };
    const session = new UploadSession(deps);
    const run = session.start();
    await vi.waitFor(() => expect(deps.prepare).toHaveBeenCalledTimes(1));
    session.cancel();
    await run;
    expect(session.getSnapshot().phase).toBe('canceled');
    expect(deps.send).not.toHaveBeenCalled();
    await session.start();
    expect(session.getSnapshot().phase).toBe('done');
    expect(deps.prepare).toHaveBeenCalledTimes(2);
    // Without a "before" total there is nothing to compare an "after" total with.
    expect(session.getSnapshot().totalAfter).toBeNull();
  });

  it('maps a part line back to the original file', async () => {
    const { session } = setup([part(2, 1), part(2, 7)], async () => ok(2));
    await session.start();
    expect(session.sourceLine(1, 2)).toBe(8);
    expect(session.sourceLine(1, 9)).toBeNull();
  });
});
