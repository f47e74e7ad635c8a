// The baseline: papaparse in a worker of its own, no validation, posting back only counts.
import Papa from 'papaparse';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<File>) => {
  let rows = 0;
  Papa.parse<string[]>(event.data, {
    skipEmptyLines: true,
    chunk: (results) => {
      rows += results.data.length;
    },
    complete: () => scope.postMessage({ rows }),
    error: (error) => scope.postMessage({ error: String(error) }),
  });
};
