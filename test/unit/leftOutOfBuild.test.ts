import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// vite.config.ts leaves react-admin's default CSV exporter out of the production build (a stub that
// throws). It runs only from react-admin's ExportButton or BulkExportButton, which a <List> shows in
// its default actions unless `exporter={false}`. This keeps the console from ever reaching it.
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

describe("react-admin's default exporter, left out of the build", () => {
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
