// docs/nginx.conf sends what `npm start` sends: its add_header lines are the list of
// server/security.ts (nginx's $request_id standing in for the nonce), its caching is the server's,
// and it writes each response's nonce over the placeholder the build leaves in index.html.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IMMUTABLE } from '../../server/routes/static.ts';
import { NONCE_PLACEHOLDER, securityHeaders } from '../../server/security.ts';

const conf = readFileSync(new URL('../../docs/nginx.conf', import.meta.url), 'utf8');
const lines = conf
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'));

/** `add_header Name "value" always;` → [Name, value, always?] */
const addHeaders = lines
  .filter((line) => line.startsWith('add_header '))
  .map((line) => {
    const match = /^add_header\s+(\S+)\s+(?:"((?:[^"\\]|\\.)*)"|(\S+?))(\s+always)?;$/.exec(line);
    if (!match) throw new Error(`Cannot read: ${line}`);
    return { name: match[1], value: match[2] ?? match[3], always: Boolean(match[4]) };
  });

describe('docs/nginx.conf', () => {
  it("sends exactly the server's security headers, on every response", () => {
    const expected = securityHeaders({ connectSrc: [], nonce: '$request_id', https: true });
    const sent = Object.fromEntries(
      addHeaders
        .filter((header) => header.name !== 'Cache-Control')
        .map((header) => [header.name, header.value]),
    );
    expect(sent).toEqual(expected);
    expect(addHeaders.every((header) => header.always)).toBe(true);
  });

  it('sets every header at server level, where each location inherits them', () => {
    // nginx drops the server's add_header lines in a location that has one of its own.
    let depth = 0;
    for (const line of lines) {
      if (line.startsWith('add_header ')) expect(depth, line).toBe(1);
      depth += (line.match(/\{/g) ?? []).length - (line.match(/\}/g) ?? []).length;
    }
  });

  it('caches like the server: hashed assets for a year, the rest revalidated', () => {
    expect(conf).toContain(`~^/assets/  "${IMMUTABLE}";`);
    expect(conf).toMatch(/default\s+"no-cache";/);
    expect(addHeaders.find((header) => header.name === 'Cache-Control')?.value).toBe(
      '$sipcaller_cache_control',
    );
  });

  it("writes a fresh nonce over index.html's placeholder, the one in the CSP header", () => {
    expect(lines).toContain(`sub_filter ${NONCE_PLACEHOLDER} $request_id;`);
    expect(lines).toContain('sub_filter_once off;');
    expect(lines).toContain('gzip_static on;');
  });
});
