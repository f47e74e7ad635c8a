import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The sign-in screen is what every operator downloads first: src/main.tsx must reach the console, the
// data provider and the heavy libraries only through dynamic import(). This walks the static import
// graph from the entry (type-only imports and import() are not followed) and fails on a shortcut.
const root = resolve(__dirname, '../..');
const staticImport = /^\s*(?:import|export)\s+(?!type\b)(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

const resolveFile = (from: string, specifier: string): string | null => {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (existsSync(candidate) && !candidate.endsWith('/')) {
      try {
        readFileSync(candidate);
        return candidate;
      } catch {
        // A directory: try the next candidate.
      }
    }
  }
  return null;
};

const walk = (entry: string) => {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (files.has(file)) continue;
    files.add(file);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(staticImport)) {
      if (specifier.startsWith('.')) {
        const target = resolveFile(file, specifier);
        if (target) queue.push(target);
      } else {
        packages.add(specifier);
      }
    }
  }
  return { files: [...files].map((file) => relative(root, file)), packages: [...packages] };
};

describe('the entry chunk (sign-in screen)', () => {
  const { files, packages } = walk(resolve(root, 'src/main.tsx'));

  it('does not statically import the console, the data provider or the resources', () => {
    expect(files).toContain('src/auth/LoginScreen.tsx');
    expect(
      files.filter((file) =>
        /^src\/(App\.tsx|authProvider\.ts|dataProvider\/|resources\/|components\/)/.test(file),
      ),
    ).toEqual([]);
  });

  it('does not statically import heavy libraries', () => {
    const heavy = packages.filter((name) =>
      /^(papaparse|libphonenumber-js|react-router|react-router-dom|ra-i18n-polyglot|ra-language-english|ra-data-simple-rest|@tanstack\/|react-dropzone)/.test(
        name,
      ),
    );
    expect(heavy).toEqual([]);
  });
});
