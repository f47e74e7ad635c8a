import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeChunks } from './analyzer';
import { analyzeCsv, buildUploadParts, partLineToFileLine, setCsvWorkerFactory } from './client';
import { MAPPING_MAX_VARIABLES } from './constants';
import type { ColumnRole } from './mapping';
import {
  changeRole,
  columnLetter,
  identityRoles,
  isIdentity,
  layoutKey,
  phoneHeaderScore,
  rolesToMapping,
  suggestRoles,
  validateRoles,
  variableHeaders,
} from './mapping';
import { InProcessCsvWorker } from './testing';

beforeAll(() => setCsvWorkerFactory(() => new InProcessCsvWorker()));
afterAll(() => setCsvWorkerFactory(null));

const US = { defaultCountry: 'US' } as const;
const ES = { defaultCountry: 'ES' } as const;

const columnsOf = (text: string, country: 'US' | 'ES' = 'US') =>
  analyzeChunks([text], { defaultCountry: country }).columns;

const CRM_EN =
  'Customer ID,First Name,Last Name,Mobile Phone,Home Phone,Email,City,Balance\n' +
  '1001,Jane,Doe,(202) 555-0123,202-555-0150,jane@example.com,Boston,199.50\n' +
  '1002,John,Roe,,202 555 0151,john@example.com,Denver,12\n' +
  '1003,Ann,Poe,2025550124,,ann@example.com,Austin,0\n';

const CRM_ES =
  'Nº Cliente;Nombre;Apellidos;Teléfono móvil;Teléfono fijo;Provincia\n' +
  '55;Lucía;García;612 345 678;915 123 456;Madrid\n' +
  '56;Pedro;López;699111222;;Sevilla\n';

describe('suggestRoles', () => {
  it('names a phone in English and Spanish headers, not ids or customer numbers', () => {
    for (const header of ['Phone', 'Mobile Phone', 'cell', 'Tel.', 'Telephone', 'PhoneNumber', 'WhatsApp'])
      expect(phoneHeaderScore(header), header).toBe(2);
    for (const header of ['Teléfono', 'telefono_movil', 'Móvil', 'Movil', 'Celular', 'Tfno'])
      expect(phoneHeaderScore(header), header).toBe(2);
    expect(phoneHeaderScore('Number')).toBe(1);
    expect(phoneHeaderScore('Número')).toBe(1);
    for (const header of [
      'Customer number',
      'Nº Cliente',
      'Account No',
      'Order number',
      'Fax',
      'Name',
      '',
      null,
    ])
      expect(phoneHeaderScore(header), String(header)).toBe(0);
  });

  it('an English CRM export: the mobile is the Number, the home phone its fallback, the rest variables in file order', () => {
    const columns = columnsOf(CRM_EN);
    expect(columns.map((column) => column.header)).toEqual([
      'Customer ID',
      'First Name',
      'Last Name',
      'Mobile Phone',
      'Home Phone',
      'Email',
      'City',
      'Balance',
    ]);
    expect(suggestRoles({ columns })).toEqual([
      'var:1',
      'var:2',
      'var:3',
      'number',
      'number:2',
      'var:4',
      'var:5',
      'var:6',
    ]);
  });

  it('a Spanish CRM export (semicolons, accents)', () => {
    const columns = columnsOf(CRM_ES, 'ES');
    expect(suggestRoles({ columns })).toEqual(['var:1', 'var:2', 'var:3', 'number', 'number:2', 'var:4']);
  });

  it('without a phone header, the column with the most valid numbers', () => {
    const columns = columnsOf('id,a,b\n1,x,2025550123\n2,y,2025550124\n3,z,not\n');
    expect(suggestRoles({ columns })).toEqual(['var:1', 'var:2', 'number']);
  });

  it('the campaign variable names first, the other columns after them in file order', () => {
    const columns = columnsOf(CRM_EN);
    const roles = suggestRoles({ columns, knownNames: ['city', 'Balance'] });
    expect(roles).toEqual(['var:3', 'var:4', 'var:5', 'number', 'number:2', 'var:6', 'var:1', 'var:2']);
  });

  it('a file already in the API layout is the identity: nothing to map', () => {
    const analysis = analyzeChunks(['+12025550123,John,199\n+12025550124,Mary,299\n'], US);
    const roles = suggestRoles({ columns: analysis.columns });
    expect(roles).toEqual(identityRoles(3));
    expect(isIdentity(roles, analysis.fileColumns)).toBe(true);
    expect(isIdentity(['var:1', 'number', 'var:2'], 3)).toBe(false);
  });

  it('column letters and layout keys', () => {
    expect([0, 1, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
    expect(layoutKey(columnsOf(CRM_EN))).toBe(layoutKey(columnsOf(CRM_EN.toUpperCase())));
    expect(layoutKey(columnsOf('2025550123,a\n2025550124,b\n'))).toBe('#2');
  });
});

describe('changeRole', () => {
  // The CRM export as suggested: Customer ID, First Name, Last Name, Mobile, Home, Email, City, Balance.
  const CRM: ColumnRole[] = ['var:1', 'var:2', 'var:3', 'number', 'number:2', 'var:4', 'var:5', 'var:6'];

  it('Ignore on a variable moves the variables after it up: nothing to renumber, the upload can go', () => {
    const roles = changeRole(CRM, 0, 'ignore');
    expect(roles).toEqual(['ignore', 'var:1', 'var:2', 'number', 'number:2', 'var:3', 'var:4', 'var:5']);
    expect(validateRoles(roles)).toEqual([]);
    // Without the renumbering the same choice was refused ("Variable 1 is missing").
    expect(validateRoles(CRM.map((old, i) => (i === 0 ? 'ignore' : old))).map((issue) => issue.code)).toEqual(
      ['variableGap'],
    );
  });

  it('Number on a variable closes its gap too; the roles given are not changed', () => {
    const roles = changeRole(CRM, 6, 'number:3');
    expect(roles).toEqual(['var:1', 'var:2', 'var:3', 'number', 'number:2', 'var:4', 'number:3', 'var:5']);
    expect(validateRoles(roles)).toEqual([]);
    expect(CRM[6]).toBe('var:5');
  });

  it('a column that becomes a variable takes its number and the ones from there move down', () => {
    const ignored = changeRole(CRM, 0, 'ignore');
    expect(changeRole(ignored, 0, 'var:1')).toEqual(CRM);
    const roles = changeRole(ignored, 0, 'var:3');
    expect(roles).toEqual(['var:3', 'var:1', 'var:2', 'number', 'number:2', 'var:4', 'var:5', 'var:6']);
    expect(validateRoles(roles)).toEqual([]);
  });

  it('a new variable beyond the last takes the next free number rather than leave a gap', () => {
    expect(changeRole(['number', 'var:1', 'ignore'], 2, 'var:5')).toEqual(['number', 'var:1', 'var:2']);
    expect(changeRole(['number', 'ignore'], 1, 'var:3')).toEqual(['number', 'var:1']);
  });

  it('a gap or a duplicate the operator makes by choosing numbers is still refused', () => {
    const gap = changeRole(['number', 'var:1', 'var:2'], 2, 'var:3');
    expect(gap).toEqual(['number', 'var:1', 'var:3']);
    expect(validateRoles(gap).map((issue) => issue.code)).toEqual(['variableGap']);
    const twice = changeRole(['number', 'var:1', 'var:2'], 2, 'var:1');
    expect(validateRoles(twice).map((issue) => issue.code)).toEqual(['duplicateVariable']);
  });

  it('moves nothing when making room would push a variable past the last one the API has', () => {
    const full = Array.from({ length: MAPPING_MAX_VARIABLES }, (_, i) => `var:${i + 1}` as ColumnRole);
    const roles = changeRole([...full, 'number', 'ignore'], MAPPING_MAX_VARIABLES + 1, 'var:1');
    expect(roles.slice(0, 2)).toEqual(['var:1', 'var:2']);
    expect(validateRoles(roles).map((issue) => issue.code)).toContain('duplicateVariable');
  });
});

describe('validateRoles', () => {
  const issues = (roles: ColumnRole[]) => validateRoles(roles).map(({ code, ...rest }) => [code, rest]);

  it('accepts a good mapping', () => {
    expect(validateRoles(['var:2', 'number', 'var:1', 'ignore', 'number:2'])).toEqual([]);
  });

  it('refuses no Number, two columns on one variable, a gap, two columns on one number choice', () => {
    expect(issues(['var:1', 'ignore'])).toEqual([['noNumber', { message: 'upload.columns.issue.noNumber' }]]);
    expect(issues(['number', 'var:1', 'var:1'])).toEqual([
      [
        'duplicateVariable',
        { message: 'upload.columns.issue.duplicateVariable', variable: 1, columns: [1, 2] },
      ],
    ]);
    expect(issues(['number', 'var:1', 'var:3'])).toEqual([
      ['variableGap', { message: 'upload.columns.issue.variableGap', variable: 2 }],
    ]);
    expect(issues(['number', 'number', 'var:1']).map(([code]) => code)).toEqual(['duplicateNumber']);
    expect(issues(['number:2', 'var:2', 'var:2']).map(([code]) => code)).toEqual([
      'noNumber',
      'duplicateVariable',
      'variableGap',
    ]);
  });

  it('refuses a file with no column holding numbers', () => {
    const columns = columnsOf('Name,City\nAna,Madrid\nBo,Lima\n');
    expect(validateRoles(suggestRoles({ columns }), columns).map((issue) => issue.code)).toEqual([
      'noNumbers',
    ]);
  });
});

describe('analysis and upload with a mapping', () => {
  const FILE =
    'id,name,mobile,home,amount\n' + // 1
    '7,Ana,2025550123,2025550150,10\n' + // 2 mobile
    '8,Bo,,2025550151,20\n' + // 3 home (mobile empty)
    '9,Cy,555,2025550152,30\n' + // 4 home (mobile invalid)
    '10,Di,,,40\n' + // 5 empty number
    '11,Ed,2025550150,,50\n' + // 6 duplicate of line 2's fallback? no: line 2 used its mobile
    '12,Fa,(202) 555-0123,,60\n' + // 7 duplicate of line 2 (chosen number)
    '13,Gi,2025550153\n'; // 8 wrong column count
  const mapping = rolesToMapping(['var:2', 'var:1', 'number', 'number:2', 'ignore']);

  it('maps the roles to columns in order', () => {
    expect(mapping).toEqual({ number: [2, 3], variables: [1, 0] });
  });

  it('applies the proposed roles from the first rows: what a second, mapped analysis would give', () => {
    const plain = analyzeChunks([FILE], US);
    const suggested = rolesToMapping(suggestRoles({ columns: plain.columns }));
    const proposed = analyzeChunks([FILE], { ...US, propose: {} });
    expect(proposed.mapping).toEqual(suggested);
    expect(proposed).toEqual(analyzeChunks([FILE], { ...US, mapping: suggested }));
    // The roles remembered for this layout come first; the operator's own choice, or null (the API's
    // layout), is never replaced.
    const remembered = { [layoutKey(plain.columns)]: ['var:2', 'var:1', 'number', 'number:2', 'ignore'] };
    expect(analyzeChunks([FILE], { ...US, propose: { remembered } }).mapping).toEqual(mapping);
    expect(analyzeChunks([FILE], { ...US, mapping: null, propose: { remembered } }).mapping).toBeNull();
    expect(analyzeChunks([FILE], { ...US, mapping, propose: {} }).mapping).toEqual(mapping);
    // A file in the API's layout, or roles that cannot be uploaded, map nothing.
    expect(analyzeChunks(['2025550123,Ana\n2025550124,Bo\n'], { ...US, propose: {} }).mapping).toBeNull();
    const gap = { [layoutKey(plain.columns)]: ['var:3', 'ignore', 'number', 'ignore', 'ignore'] };
    expect(analyzeChunks([FILE], { ...US, propose: { remembered: gap } }).mapping).toBeNull();
  });

  it('analyses the chosen number, its fallbacks, duplicates on it, the variables in their order', async () => {
    const analysis = await analyzeCsv(new Blob([FILE]), { ...US, mapping });
    expect(analysis).toMatchObject({
      firstRowIsHeader: true,
      varCount: 2,
      fileColumns: 5,
      rows: 7,
      valid: 4,
      invalid: 2,
      duplicates: 1,
      numberSources: { 2: 2, 3: 2 },
    });
    expect(analysis.problems.map((problem) => [problem.line, problem.reason, problem.values.number])).toEqual(
      [
        [5, 'emptyNumber', ''],
        [7, 'duplicate', '(202) 555-0123'],
        [8, 'wrongColumnCount', '2025550153'],
      ],
    );
    expect(analysis.problems[1].values.firstLine).toBe(2);
    expect(
      analysis.preview.slice(0, 3).map((row) => [row.line, row.number, row.numberColumn, row.varValues]),
    ).toEqual([
      [2, '2025550123', 2, ['Ana', '7']],
      [3, '2025550151', 3, ['Bo', '8']],
      [4, '2025550152', 3, ['Cy', '9']],
    ]);
    expect(variableHeaders(analysis)).toEqual(['name', 'id']);
  });

  it('builds canonical parts: E.164 then the variables, no header; lines are the file’s', async () => {
    const analysis = await analyzeCsv(new Blob([FILE]), { ...US, mapping });
    const parts = await buildUploadParts(new Blob([FILE]), analysis, { mode: 'valid', rowsPerPart: 3 });
    expect(await Promise.all(parts.map((part) => part.blob.text()))).toEqual([
      '+12025550123,Ana,7\r\n+12025550151,Bo,8\r\n+12025550152,Cy,9\r\n',
      '+12025550150,Ed,11\r\n',
    ]);
    expect(parts.map((part) => [part.firstRowIsHeader, part.varCount])).toEqual([
      [false, 2],
      [false, 2],
    ]);
    expect(partLineToFileLine(parts[1], 1)).toBe(6);
  });

  it('the file as it is: every row, the number as written, no header', async () => {
    const analysis = await analyzeCsv(new Blob([FILE]), { ...US, mapping });
    const [part] = await buildUploadParts(new Blob([FILE]), analysis, { mode: 'asIs', rowsPerPart: 100 });
    expect(await part.blob.text()).toBe(
      '2025550123,Ana,7\r\n2025550151,Bo,8\r\n2025550152,Cy,9\r\n,Di,10\r\n2025550150,Ed,11\r\n' +
        '(202) 555-0123,Fa,12\r\n2025550153,Gi,13\r\n',
    );
    expect([part.firstRowIsHeader, part.varCount, partLineToFileLine(part, 4)]).toEqual([false, 2, 5]);
  });

  it('finds a header above a column other than the first', () => {
    expect(analyzeChunks(['Name,Phone\nAna,2025550123\nBo,2025550124\n'], US).firstRowIsHeader).toBe(true);
    expect(analyzeChunks(['Ana,2025550123\nBo,2025550124\n'], US).firstRowIsHeader).toBe(false);
  });

  it('a Spanish file mapped, national numbers to E.164', async () => {
    const roles = suggestRoles({ columns: columnsOf(CRM_ES, 'ES') });
    const text = CRM_ES;
    const analysis = await analyzeCsv(new Blob([text]), { ...ES, mapping: rolesToMapping(roles) });
    const parts = await buildUploadParts(new Blob([text]), analysis, { mode: 'valid', rowsPerPart: 10 });
    expect(await parts[0].blob.text()).toBe(
      '+34612345678,55,Lucía,García,Madrid\r\n+34699111222,56,Pedro,López,Sevilla\r\n',
    );
  });
});
