// The spreadsheet baseline: a bare @e965/xlsx read in a worker of its own: the whole workbook read
// (dense, the library's mode for large sheets) and its first sheet turned into CSV text, the
// library's own conversion; only the text's length goes back.
import * as XLSX from '@e965/xlsx';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<File>) => {
  try {
    const workbook = XLSX.read(new Uint8Array(await event.data.arrayBuffer()), {
      type: 'array',
      dense: true,
    });
    const csv = XLSX.utils.sheet_to_csv(workbook.Sheets[workbook.SheetNames[0]]);
    let rows = 0;
    for (let i = csv.indexOf('\n'); i !== -1; i = csv.indexOf('\n', i + 1)) rows++;
    scope.postMessage({ rows, chars: csv.length });
  } catch (error) {
    scope.postMessage({ error: String(error) });
  }
};
