// The workbook reader: dynamic import of @e965/xlsx, one sheet to CSV text.

export type SheetFormat = 'xlsx' | 'xls' | 'ods';

export interface SheetDamage {
  /** The spreadsheet's row number. */
  line: number;
  /** The spreadsheet's column letter. */
  column: string;
  /** What the spreadsheet shows. */
  shown: string;
}

export interface SheetText {
  format: SheetFormat;
  sheets: string[];
  sheet: string;
  /** Comma-separated CSV, in pieces of about 1 MB. */
  chunks: string[];
  /** Bytes of the chunks' text (for progress). */
  chars: number;
  damagedCount: number;
  /** The first DAMAGED_LISTED damaged cells. */
  damaged: SheetDamage[];
  /** Every damaged cell, as damagedCellKey(line, column) (column 0 is the text's first column). */
  damagedCells: number[];
}

/** Columns a sheet can have (Excel's limit): a cell's key is line × this + its column. */
const MAX_COLUMNS = 16384;

/** The key of a damaged cell in SheetText.damagedCells: its line in the text and its 0-based column. */
export const damagedCellKey = (line: number, column: number): number => line * MAX_COLUMNS + column;

export interface SheetReadOptions {
  sheet?: string;
  maxBytes: number;
}

export type SheetErrorCode = 'sheetTooLarge' | 'sheetProtected' | 'sheetCorrupt';

export class SheetError extends Error {
  override readonly name = 'SheetError';
  constructor(
    readonly code: SheetErrorCode,
    readonly detail?: string,
  ) {
    super(code);
  }
}

const DAMAGED_LISTED = 20;
const CHUNK_CHARS = 1 << 20;
const EXTENSIONS: Record<string, SheetFormat> = { xlsx: 'xlsx', xlsm: 'xlsx', xls: 'xls', ods: 'ods' };

/** 'xlsx' / 'xls' / 'ods' for a workbook (by its bytes, then its extension), null for anything else. */
export function sniffSheet(head: Uint8Array, name = ''): SheetFormat | null {
  const extension = EXTENSIONS[name.toLowerCase().split('.').pop() ?? ''] ?? null;
  if (extension) return extension === 'xlsx' && isOds(head) ? 'ods' : extension;
  // Without a spreadsheet's extension: a ZIP that names a workbook's parts, or an OLE container
  // (a .xls, or an encrypted, password-protected .xlsx). Any other binary is not a spreadsheet.
  if (isZip(head)) {
    const text = String.fromCharCode(...head.subarray(0, 128));
    if (isOds(head) || text.includes('META-INF/manifest.xml')) return 'ods';
    return /\[Content_Types\]\.xml|xl\/|docProps\/|_rels\//.test(text) ? 'xlsx' : null;
  }
  return isOle(head) ? 'xls' : null;
}

const isZip = (head: Uint8Array) =>
  head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
const isOle = (head: Uint8Array) =>
  head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0;

/**
 * A ZIP ends with its central directory's record (PK 5 6) in its last 64 KB: without it the file is
 * cut short, and the library can loop on such a file instead of failing.
 */
function hasZipEnd(bytes: Uint8Array): boolean {
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--)
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06)
      return true;
  return false;
}

/** An OpenDocument file usually starts with its uncompressed "mimetype" entry (not every writer's). */
function isOds(head: Uint8Array): boolean {
  return String.fromCharCode(...head.subarray(0, 128)).includes('opendocument.spreadsheet');
}

const SCIENTIFIC = /^[+-]?\d(?:[.,]\d+)?E[+-]?\d+$/i;

export async function readSheet(file: Blob, { sheet, maxBytes }: SheetReadOptions): Promise<SheetText> {
  if (file.size > maxBytes) throw new SheetError('sheetTooLarge', `${file.size} > ${maxBytes}`);
  const head = new Uint8Array(await file.slice(0, 128).arrayBuffer());
  const name = 'name' in file && typeof file.name === 'string' ? file.name : '';
  const format = sniffSheet(head, name) ?? 'xlsx';
  const XLSX = await import('@e965/xlsx');
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (isZip(bytes) && !hasZipEnd(bytes)) throw new SheetError('sheetCorrupt', 'ZIP without its end record');
  let workbook: import('@e965/xlsx').WorkBook;
  try {
    workbook = XLSX.read(bytes, { type: 'array', dense: true, cellNF: true, cellDates: false });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // A workbook saved with a password is an OLE container of an EncryptionInfo and an
    // EncryptedPackage stream ([MS-OFFCRYPTO] 2.3.4): the library refuses it naming the password
    // ("File is password-protected") or the encryption it cannot read.
    throw new SheetError(/password|encrypt/i.test(message) ? 'sheetProtected' : 'sheetCorrupt', message);
  }
  const sheets = workbook.SheetNames;
  if (sheets.length === 0) throw new SheetError('sheetCorrupt', 'no sheet');
  const chosen = sheet !== undefined && sheets.includes(sheet) ? sheet : sheets[0];
  const worksheet = workbook.Sheets[chosen];
  const result: SheetText = {
    format,
    sheets,
    sheet: chosen,
    chunks: [],
    chars: 0,
    damagedCount: 0,
    damaged: [],
    damagedCells: [],
  };
  const ref = worksheet?.['!ref'];
  if (!worksheet || !ref) return result;
  const range = XLSX.utils.decode_range(ref);
  const data = (worksheet as { '!data'?: (import('@e965/xlsx').CellObject | undefined)[][] })['!data'] ?? [];
  const letters: string[] = [];
  for (let c = range.s.c; c <= range.e.c; c++) letters.push(XLSX.utils.encode_col(c));
  let piece = '\n'.repeat(range.s.r);
  for (let r = range.s.r; r <= range.e.r; r++) {
    const row = data[r];
    let line = '';
    if (row) {
      for (let c = range.s.c; c <= range.e.c; c++) {
        const cell = row[c];
        let text = cell ? cellText(cell, XLSX.SSF) : '';
        if (cell && isDamaged(cell, text)) {
          result.damagedCount++;
          result.damagedCells.push(damagedCellKey(r + 1, c - range.s.c));
          if (result.damaged.length < DAMAGED_LISTED)
            result.damaged.push({ line: r + 1, column: letters[c - range.s.c], shown: text });
        }
        if (c > range.s.c) line += ',';
        if (text !== '') {
          if (/[\r\n]/.test(text)) text = text.replace(/\r\n|[\r\n]/g, ' ');
          line += /[",]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
        }
      }
    }
    piece += `${line}\n`;
    if (piece.length >= CHUNK_CHARS) {
      result.chunks.push(piece);
      result.chars += piece.length;
      piece = '';
    }
  }
  if (piece.length > 0) {
    result.chunks.push(piece);
    result.chars += piece.length;
  }
  return result;
}

type Ssf = typeof import('@e965/xlsx').SSF;

// A sheet has a handful of number formats and as many cells as rows × columns: SSF.is_date parses
// the format each time it is asked.
const dateFormats = new Map<string, boolean>();
function isDateFormat(format: string, ssf: Ssf): boolean {
  const known = dateFormats.get(format);
  if (known !== undefined) return known;
  const date = ssf.is_date(format);
  dateFormats.set(format, date);
  return date;
}

/** The text a cell shows, with ISO dates and the digits of an integer that General shows as 1.2E+11. */
function cellText(cell: import('@e965/xlsx').CellObject, ssf: Ssf): string {
  const { t, v, w } = cell;
  if (t === 'n' && typeof v === 'number') {
    const format = typeof cell.z === 'string' ? cell.z : '';
    if (format !== '' && isDateFormat(format, ssf)) return isoDate(v, ssf) ?? w ?? String(v);
    const shown = w ?? String(v);
    // General shows integers of more than 11 digits in scientific notation; their value holds every
    // digit (up to 15): a phone number typed as a number is still whole.
    if (SCIENTIFIC.test(shown) && Number.isInteger(v) && Math.abs(v) < 1e15 && Number(shown) !== v)
      return String(v);
    return shown;
  }
  if (t === 'd' && v instanceof Date) return v.toISOString().replace(/T00:00:00\.000Z$|\.000Z$/, '');
  if (t === 's') return typeof v === 'string' ? v : (w ?? '');
  if (t === 'z') return '';
  return w ?? (v == null ? '' : String(v));
}

function isoDate(serial: number, ssf: Ssf): string | null {
  const parts = ssf.parse_date_code(serial);
  if (!parts) return null;
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const date = `${pad(parts.y, 4)}-${pad(parts.m)}-${pad(parts.d)}`;
  return parts.H || parts.M || parts.S ? `${date}T${pad(parts.H)}:${pad(parts.M)}:${pad(parts.S)}` : date;
}

/** A number the spreadsheet made a float: shown in scientific notation with nothing more behind it, or past 15 digits. */
function isDamaged(cell: import('@e965/xlsx').CellObject, text: string): boolean {
  if (cell.t === 'n' && typeof cell.v === 'number') return Math.abs(cell.v) >= 1e15 || SCIENTIFIC.test(text);
  return cell.t === 's' && SCIENTIFIC.test(text.trim());
}
