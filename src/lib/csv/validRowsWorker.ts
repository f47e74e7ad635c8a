// The worker that writes the valid rows a mapped analysis records (validRows.ts), started by the
// analysis's own worker (csvWorker.ts): the analysis reads and checks the file on one core while
// this one writes the upload's text on the other.
import { type RowsBatch, ValidRowsWriter } from './validRows';

export type RowsWriterRequest = { type: 'batch'; batch: RowsBatch } | { type: 'finish' };

export type RowsWriterReply =
  | { type: 'ack' }
  | { type: 'written'; written: ReturnType<ValidRowsWriter['finish']> }
  | { type: 'error'; message: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;
const writer = new ValidRowsWriter();
const reply = (message: RowsWriterReply) => scope.postMessage(message);

scope.onmessage = ({ data }: MessageEvent<RowsWriterRequest>) => {
  try {
    if (data.type === 'batch') {
      writer.apply(data.batch);
      reply({ type: 'ack' });
    } else reply({ type: 'written', written: writer.finish() });
  } catch (error) {
    reply({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
