// Column mapping: which column of an operator's file is the number and which are the variables, in
// which order. The analysis describes the columns from the first rows (ColumnStats); from those the
// page suggests roles, lets the operator change them, checks them and hands the analysis a
// ColumnMapping. Pure functions: no worker, no phone validation of their own.
import { MAPPING_MAX_VARIABLES } from './constants';
import type { ColumnMapping, ColumnStats, CsvAnalysis, RoleSources } from './types';

/**
 * A column's role: 'number' (the number; 'number:2', 'number:3' are its fallbacks, tried in that
 * order when the ones before are not valid), 'var:N' (sent as Variable N, 1-based) or 'ignore'.
 */
export type ColumnRole = 'number' | `number:${number}` | `var:${number}` | 'ignore';

/** The fallbacks a number may have besides its first column. */
export const NUMBER_FALLBACKS = 2;

export type MappingIssueCode =
  /** No column is the Number. */
  | 'noNumber'
  /** No column of the file holds anything that looks like a phone number. */
  | 'noNumbers'
  /** Two columns are the same variable (values: variable, columns). */
  | 'duplicateVariable'
  /** Two columns are the same choice of number (values: rank, columns). */
  | 'duplicateNumber'
  /** A variable is missing below a used one (values: variable: the missing one). */
  | 'variableGap';

export interface MappingIssue {
  code: MappingIssueCode;
  /** i18n key `upload.columns.issue.<code>`. */
  message: string;
  variable?: number;
  rank?: number;
  /** 0-based columns concerned. */
  columns?: number[];
}

const strip = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

// Words that name a phone on their own, in English and Spanish (accents stripped).
const PHONE_WORDS = [
  'phone',
  'phones',
  'telephone',
  'mobile',
  'mobil',
  'cell',
  'cellphone',
  'cellular',
  'tel',
  'tfno',
  'tlf',
  'telf',
  'telefono',
  'telefonos',
  'movil',
  'moviles',
  'celular',
  'whatsapp',
  'msisdn',
  'landline',
  'fijo',
];
// Parts of a glued header ("PhoneNumber", "TelefonoMovil", "mobile_phone" is split anyway).
const PHONE_STEMS = ['phone', 'mobile', 'telef', 'celular', 'movil', 'whatsapp', 'msisdn'];
// "Number" names a phone only when nothing else says what number it is.
const NUMBER_WORDS = ['number', 'numero', 'num', 'nro', 'no', 'contact', 'contacto'];
const NOT_PHONE = [
  'id',
  'customer',
  'client',
  'cliente',
  'account',
  'cuenta',
  'order',
  'pedido',
  'invoice',
  'factura',
  'dni',
  'nif',
  'document',
  'documento',
  'postal',
  'zip',
  'cp',
  'code',
  'codigo',
  'ticket',
  'case',
  'caso',
  'policy',
  'poliza',
  'card',
  'tarjeta',
  'fax',
  'street',
  'calle',
  'house',
  'casa',
  'reference',
  'referencia',
  'ref',
  'serial',
  'serie',
];

/** How strongly a header names a phone: 2 (phone, móvil…), 1 ("Number" alone), 0. */
export function phoneHeaderScore(header: string | null): number {
  if (!header) return 0;
  const words = strip(header).split(' ').filter(Boolean);
  if (words.length === 0) return 0;
  if (words.some((word) => word === 'fax')) return 0;
  if (words.some((word) => PHONE_WORDS.includes(word) || PHONE_STEMS.some((stem) => word.includes(stem))))
    return 2;
  if (words.some((word) => NOT_PHONE.includes(word))) return 0;
  return words.some((word) => NUMBER_WORDS.includes(word)) && words.length <= 3 ? 1 : 0;
}

export interface SuggestInput {
  columns: readonly ColumnStats[];
  /** The campaign's variable names on this device: names[i] is Variable i+1. */
  knownNames?: readonly string[];
}

/** The roles the console proposes (see the module's comment); one per column of `columns`. */
export function suggestRoles({ columns, knownNames = [] }: SuggestInput): ColumnRole[] {
  const roles: ColumnRole[] = columns.map(() => 'ignore');
  if (columns.length === 0) return roles;
  // Number: the columns whose header names a phone and that hold numbers; else the most valid numbers.
  const named = columns
    .map((column) => ({ column, score: phoneHeaderScore(column.header) }))
    .filter(({ column, score }) => score > 0 && (column.numberLike > 0 || column.sampled === 0));
  const strongest = Math.max(0, ...named.map(({ score }) => score));
  let numberColumns = named.filter(({ score }) => score === strongest).map(({ column }) => column.index);
  // The one with the most valid numbers leads (file order breaks ties); the others are its fallbacks.
  numberColumns.sort((a, b) => columns[b].validNumbers - columns[a].validNumbers || a - b);
  if (numberColumns.length === 0) {
    let best = 0;
    for (const column of columns) {
      const bestColumn = columns[best];
      if (
        column.validNumbers > bestColumn.validNumbers ||
        (column.validNumbers === bestColumn.validNumbers && column.numberLike > bestColumn.numberLike)
      )
        best = column.index;
    }
    numberColumns = [best];
  }
  numberColumns = numberColumns.slice(0, 1 + NUMBER_FALLBACKS);
  numberColumns.forEach((index, rank) => {
    roles[index] = rank === 0 ? 'number' : `number:${rank + 1}`;
  });
  // Variables: a column named like one of the campaign's variables takes its place; the others
  // follow in file order in the places left. Columns with neither header nor values are ignored.
  const taken = new Set<number>();
  const known = knownNames.map((name) => strip(name));
  const free: number[] = [];
  for (const column of columns) {
    if (roles[column.index] !== 'ignore') continue;
    if (!column.header && column.samples.length === 0) continue;
    const place = column.header ? known.indexOf(strip(column.header)) : -1;
    if (place !== -1 && strip(column.header ?? '') !== '' && !taken.has(place + 1)) {
      taken.add(place + 1);
      roles[column.index] = `var:${place + 1}`;
    } else free.push(column.index);
  }
  let next = 1;
  for (const index of free) {
    while (taken.has(next)) next++;
    if (next > MAPPING_MAX_VARIABLES) break;
    taken.add(next);
    roles[index] = `var:${next}`;
  }
  return roles;
}

/** Roles remembered for a layout, if they still fit it (one valid role per column), else null. */
export function rememberedRoles(value: unknown, width: number): ColumnRole[] | null {
  if (!Array.isArray(value) || value.length !== width) return null;
  return value.every((role) => typeof role === 'string' && /^(number(:\d+)?|var:\d+|ignore)$/.test(role))
    ? (value as ColumnRole[])
    : null;
}

/** What the console proposes for a file: the campaign's remembered roles for this layout, else the suggestion. */
export function proposedRoles(
  columns: readonly ColumnStats[],
  { knownNames = [], remembered = {} }: RoleSources,
): { roles: ColumnRole[]; remembered: boolean } {
  const kept = rememberedRoles(remembered[layoutKey(columns)], columns.length);
  return kept
    ? { roles: kept, remembered: true }
    : { roles: suggestRoles({ columns, knownNames }), remembered: false };
}

/**
 * The mapping the proposed roles give, as the analysis applies it: null when they are the API's
 * layout or cannot be uploaded (the operator then fixes them and the file is read again).
 */
export function proposedMapping(
  columns: readonly ColumnStats[],
  fileColumns: number,
  sources: RoleSources,
): ColumnMapping | null {
  if (columns.length === 0) return null;
  const { roles } = proposedRoles(columns, sources);
  if (validateRoles(roles, columns).length > 0 || isIdentity(roles, fileColumns)) return null;
  return rolesToMapping(roles);
}

/** 1 for 'number', N for 'number:N', 0 for anything else. */
export function numberRank(role: ColumnRole): number {
  if (role === 'number') return 1;
  return role.startsWith('number:') ? Number(role.slice(7)) : 0;
}

/** N for 'var:N', 0 for anything else. */
export function variableOf(role: ColumnRole): number {
  return role.startsWith('var:') ? Number(role.slice(4)) : 0;
}

/**
 * The roles after the operator gives `column` the role `role`. A variable that stops being one
 * (Ignore, Number) closes its gap: the variables after it move up. A column that becomes a variable
 * takes the number chosen, or the next free one when that would leave a gap, and the variables from
 * that number on move down to make room (unless that pushes one past MAPPING_MAX_VARIABLES). Moving a
 * variable to another number is the operator's own numbering: nothing else moves, and a duplicate
 * or gap made that way is refused by validateRoles.
 */
export function changeRole(roles: readonly ColumnRole[], column: number, role: ColumnRole): ColumnRole[] {
  const before = variableOf(roles[column] ?? 'ignore');
  let after = variableOf(role);
  const next = roles.map((old, i) => (i === column ? role : old));
  if (before > 0 && after > 0) return next;
  const shift = (from: number, by: number) =>
    next.map((old, i) => {
      const variable = variableOf(old);
      return i !== column && variable >= from ? (`var:${variable + by}` as ColumnRole) : old;
    });
  if (before > 0) return shift(before + 1, -1);
  if (after === 0) return next;
  const others = roles.map((old, i) => (i === column ? 0 : variableOf(old)));
  const highest = Math.max(0, ...others);
  after = Math.min(after, highest + 1);
  next[column] = `var:${after}`;
  if (!others.includes(after) || highest + 1 > MAPPING_MAX_VARIABLES) return next;
  return shift(after, 1);
}

/** Everything that keeps a mapping from being uploaded, with its reason; [] when it can be. */
export function validateRoles(
  roles: readonly ColumnRole[],
  columns: readonly ColumnStats[] = [],
): MappingIssue[] {
  const issues: MappingIssue[] = [];
  const issue = (code: MappingIssueCode, values: Omit<MappingIssue, 'code' | 'message'> = {}) =>
    issues.push({ code, message: `upload.columns.issue.${code}`, ...values });
  if (columns.length > 0 && columns.every((column) => column.numberLike === 0)) issue('noNumbers');
  const byRank = new Map<number, number[]>();
  const byVariable = new Map<number, number[]>();
  roles.forEach((role, column) => {
    const rank = numberRank(role);
    const variable = variableOf(role);
    if (rank > 0) byRank.set(rank, [...(byRank.get(rank) ?? []), column]);
    if (variable > 0) byVariable.set(variable, [...(byVariable.get(variable) ?? []), column]);
  });
  if (!byRank.has(1)) issue('noNumber');
  for (const [rank, used] of [...byRank].sort(([a], [b]) => a - b))
    if (used.length > 1) issue('duplicateNumber', { rank, columns: used });
  const variables = [...byVariable.keys()].sort((a, b) => a - b);
  for (const variable of variables) {
    const used = byVariable.get(variable) as number[];
    if (used.length > 1) issue('duplicateVariable', { variable, columns: used });
  }
  const highest = variables[variables.length - 1] ?? 0;
  for (let variable = 1; variable < highest; variable++)
    if (!byVariable.has(variable)) issue('variableGap', { variable });
  return issues;
}

/** The mapping the analysis applies (call after validateRoles found nothing). */
export function rolesToMapping(roles: readonly ColumnRole[]): ColumnMapping {
  const number: [number, number][] = [];
  const variables: [number, number][] = [];
  roles.forEach((role, column) => {
    const rank = numberRank(role);
    const variable = variableOf(role);
    if (rank > 0) number.push([rank, column]);
    if (variable > 0) variables.push([variable, column]);
  });
  const order = (pairs: [number, number][]) => pairs.sort(([a], [b]) => a - b).map(([, column]) => column);
  return { number: order(number), variables: order(variables) };
}

/** The roles of the API's own layout: the number first, then every column a variable. */
export function identityRoles(width: number): ColumnRole[] {
  return Array.from({ length: width }, (_, i) => (i === 0 ? 'number' : `var:${i}`) as ColumnRole);
}

/**
 * True when the roles send the file as the API reads it (the number first, then every column in
 * order up to the file's width): no mapping is needed.
 */
export function isIdentity(roles: readonly ColumnRole[], fileColumns: number): boolean {
  for (let i = 0; i < roles.length; i++) {
    const expected = i === 0 ? 'number' : i < fileColumns ? `var:${i}` : 'ignore';
    if (roles[i] !== expected) return false;
  }
  return true;
}

/** "A", "B", … "Z", "AA": a column's letter, as spreadsheets name them. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/**
 * What identifies a file's layout, for remembering its mapping: the header's cells (case and
 * accents ignored), or the column count when there is no header.
 */
export function layoutKey(columns: readonly ColumnStats[]): string {
  if (columns.length > 0 && columns.every((column) => column.header === null)) return `#${columns.length}`;
  return columns.map((column) => strip(column.header ?? '')).join('|');
}

/** The header cells of the variables an analysis sends, in their order ('' without a header). */
export function variableHeaders(analysis: Pick<CsvAnalysis, 'header' | 'mapping' | 'varCount'>): string[] {
  const { header, mapping } = analysis;
  if (!header) return [];
  const columns = mapping ? mapping.variables : Array.from({ length: analysis.varCount }, (_, i) => i + 1);
  return columns.map((column) => (header[column] ?? '').trim());
}
