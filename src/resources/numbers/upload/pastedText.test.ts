import { describe, expect, it } from 'vitest';
import { pastedText } from './pastedText';

describe('pastedText', () => {
  it.each([
    ['commas', '2125550100, 2125550101, 2125550102'],
    ['semicolons', '2125550100;2125550101; 2125550102'],
    ['commas and semicolons mixed, as in an email', '2125550100; 2125550101, 2125550102'],
    ['one a line', '2125550100\n2125550101\r\n2125550102\n'],
    ['lines of mixed lists, blank lines and trailing separators', '2125550100;\n\n2125550101, 2125550102,\n'],
  ])('a list separated by %s gives one number a row', (_, text) => {
    expect(pastedText(text)).toBe('2125550100\n2125550101\n2125550102\n');
  });

  it('keeps how each number was written, "+" included', () => {
    expect(pastedText('(212) 555-0100; 212.555.0101, +1 212 555 0102')).toBe(
      '(212) 555-0100\n212.555.0101\n+1 212 555 0102\n',
    );
  });

  it('a number with a typo or a note stays one row of the list (an invalid one), not a column', () => {
    expect(pastedText('2125550100; 212555O101, 2125550102 (Ana)')).toBe(
      '2125550100\n212555O101\n2125550102 (Ana)\n',
    );
  });

  it('keeps a first line that is a title; drops the quotes around a number, and quotes one inside', () => {
    expect(pastedText('Numbers:\n2125550100; "2125550101", “2125550102”\n212"5550103')).toBe(
      'Numbers:\n2125550100\n2125550101\n2125550102\n"212""5550103"\n',
    );
  });

  it('keeps tab-separated rows copied from a spreadsheet as they are, with their columns', () => {
    const rows = 'Name\tPhone\tCity\nAna\t2125550100\tBoston, MA\nBo\t2125550101; 2125550102\tDenver\n';
    expect(pastedText(rows)).toBe(rows);
  });

  it('keeps the text of a CSV file, or a list of words, as it is', () => {
    expect(pastedText('Name,Phone\nAna,2125550100\n')).toBe('Name,Phone\nAna,2125550100\n');
    expect(pastedText('2125550100,1001\n2125550101,1002\n')).toBe('2125550100,1001\n2125550101,1002\n');
    expect(pastedText('Ana; Bo')).toBe('Ana; Bo');
  });
});
