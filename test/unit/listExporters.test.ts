import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The console's lists offer no export of react-admin's own: the numbers export is the console's
// (in the layout the upload accepts). React-admin's default CSV exporter runs only from its
// ExportButton or BulkExportButton, which a <List> shows in its default actions unless
// `exporter={false}`, so every list passes that and none renders those buttons.
const root = resolve(__dirname, '../..');
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
// Comments may name <List> or ExportButton; only code counts.
const withoutComments = (code: string) => code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
const files = sources(resolve(root, 'src')).map((path) => ({
  name: relative(root, path),
  code: withoutComments(readFileSync(path, 'utf8')),
}));

describe("react-admin's default exporter, never offered", () => {
  it('is never rendered: no ExportButton or BulkExportButton', () => {
    const users = files.filter(({ code }) => /\b(Bulk)?ExportButton\b/.test(code)).map(({ name }) => name);
    expect(users).toEqual([]);
  });

  it('is never the exporter of a list: every <List> passes exporter={false}', () => {
    const count = (code: string, pattern: RegExp) => code.match(pattern)?.length ?? 0;
    const withLists = files
      .map(({ name, code }) => ({
        name,
        lists: count(code, /<(List|ListBase|InfiniteList)\b/g),
        withoutExporter: count(code, /\bexporter=\{false\}/g),
      }))
      .filter(({ lists }) => lists > 0);
    expect(withLists.length).toBeGreaterThan(0);
    for (const { name, lists, withoutExporter } of withLists) expect(withoutExporter, name).toBe(lists);
  });
});
