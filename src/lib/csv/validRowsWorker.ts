// The worker that writes the valid rows a mapped analysis records (validRows.ts), started by the
// analysis's own worker (csvWorker.ts): the analysis reads and checks the file on one core while
// this one writes the upload's text on the other.
// It reads the file's text itself (the page's File, or a workbook's text, passed by reference).
import { type RowsBatch, type RowsSource, ValidRowsWriter, type WrittenRows } from './validRows';

export type RowsWriterRequest =
  | { type: 'start'; source: RowsSource }
  | { type: 'batch'; batch: RowsBatch }
  | { type: 'finish' };

export type RowsWriterReply =
  | { type: 'ack' }
  | { type: 'written'; written: WrittenRows }
  | { type: 'error'; message: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;
const reply = (message: RowsWriterReply) => scope.postMessage(message);
let writer: ValidRowsWriter | null = null;

scope.onmessage = ({ data }: MessageEvent<RowsWriterRequest>) => {
  if (data.type === 'start') writer = new ValidRowsWriter(data.source);
  else if (!writer) reply({ type: 'error', message: 'The rows writer got rows before its text' });
  else if (data.type === 'batch') writer.enqueue(data.batch, () => reply({ type: 'ack' }));
  else
    writer.finish().then(
      (written) => reply({ type: 'written', written }),
      (error: unknown) =>
        reply({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
};
