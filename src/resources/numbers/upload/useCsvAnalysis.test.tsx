import { act, renderHook, waitFor } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisSettings } from '../../../lib/csv';
import { setCsvWorkerFactory } from '../../../lib/csv';
import { InProcessCsvWorker } from '../../../lib/csv/testing';
import { useCsvAnalysis } from './useCsvAnalysis';

beforeAll(() => setCsvWorkerFactory(() => new InProcessCsvWorker()));
// The first analysis loads libphonenumber's metadata: give a busy machine time.
const LOADED = { timeout: 15_000 };
afterAll(() => setCsvWorkerFactory(null));

const FILE = new Blob(['number,name\n+12025550123,John\n+12025550124,Mary\nbad,Ann\n']);

describe('useCsvAnalysis', () => {
  it('is idle without a file, runs, then gives the analysis', async () => {
    const { result, rerender } = renderHook(({ file }) => useCsvAnalysis(file, { defaultCountry: 'US' }), {
      initialProps: { file: null as Blob | null },
    });
    expect(result.current.status).toBe('idle');
    rerender({ file: FILE });
    expect(result.current.status).toBe('running');
    await waitFor(() => expect(result.current.status).toBe('done'), LOADED);
    expect(result.current.analysis).toMatchObject({ rows: 3, valid: 2, invalid: 1, firstRowIsHeader: true });
    expect(result.current.progress).toMatchObject({ bytesRead: FILE.size, totalBytes: FILE.size });
  });

  it('runs again when a setting changes, cancelling the previous run', async () => {
    const started = InProcessCsvWorker.started;
    const terminated = InProcessCsvWorker.terminated;
    const { result, rerender } = renderHook((settings: AnalysisSettings) => useCsvAnalysis(FILE, settings), {
      initialProps: { defaultCountry: 'US' } as AnalysisSettings,
    });
    rerender({ defaultCountry: 'US', firstRowIsHeader: false });
    await waitFor(() => expect(result.current.status).toBe('done'), LOADED);
    expect(InProcessCsvWorker.started).toBe(started + 2);
    expect(InProcessCsvWorker.terminated).toBe(terminated + 2);
    expect(result.current.analysis).toMatchObject({ firstRowIsHeader: false, rows: 4, invalid: 2 });
  });

  it('reports a binary file as an error and can be cancelled', async () => {
    const binary = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00])]);
    const { result } = renderHook(() => useCsvAnalysis(binary, { defaultCountry: 'US' }));
    await waitFor(() => expect(result.current.status).toBe('error'), LOADED);
    expect(result.current.error?.message).toBe('upload.csv.error.notText');

    const { result: running } = renderHook(() => useCsvAnalysis(FILE, { defaultCountry: 'US' }));
    act(() => running.current.cancel());
    expect(running.current.status).toBe('idle');
    expect(running.current.analysis).toBeNull();
  });

  it('reads the same file again on restart, after a stop', async () => {
    const { result } = renderHook(() => useCsvAnalysis(FILE, { defaultCountry: 'US' }));
    act(() => result.current.cancel());
    expect(result.current.status).toBe('idle');
    const started = InProcessCsvWorker.started;
    act(() => result.current.restart());
    expect(result.current.status).toBe('running');
    await waitFor(() => expect(result.current.status).toBe('done'), LOADED);
    expect(InProcessCsvWorker.started).toBe(started + 1);
    expect(result.current.analysis).toMatchObject({ rows: 3, valid: 2, invalid: 1 });
  });
});
