// On-the-fly compression of the JSON answers (emulator and proxy) and of the per-response index.html.
// The console's assets are not compressed here: the build writes .br and .gz copies of each
// (vite.config.ts) and @fastify/static picks one (server/routes/static.ts).
//
// Not @fastify/compress: it leaves every response with a Content-Range header uncompressed (it reads
// it as a byte range), and every list answer of the SIP Caller API carries one ("numbers 0-99/1000"),
// so the answers worth compressing would all go out as they are.
import type { IncomingHttpHeaders } from 'node:http';
import { pipeline, type Readable } from 'node:stream';
import { promisify } from 'node:util';
import { brotliCompress, constants, createBrotliCompress, createGzip, gzip } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Smaller answers are sent as they are: below this, compression saves less than it costs. */
export const COMPRESS_THRESHOLD_BYTES = 1024;

/** JSON (application/json, application/problem+json, …) and the console's index.html. */
const COMPRESSIBLE = /^(?:application\/(?:[\w.-]+\+)?json|text\/html)\s*(?:;|$)/i;

// Quality 4: Brotli's best trade of speed for size on the fly (11 is for the build's copies).
const BROTLI_OPTIONS = { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } };
const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

export type Encoding = 'br' | 'gzip';

/** br or gzip by the request's Accept-Encoding and its q-values (br on a tie); null: send as is. */
export const negotiateEncoding = (header: IncomingHttpHeaders['accept-encoding']): Encoding | null => {
  if (!header) return null;
  const quality = new Map<string, number>();
  for (const item of String(header).split(',')) {
    const [name, ...params] = item.trim().toLowerCase().split(';');
    if (!name) continue;
    let q = 1;
    for (const param of params) {
      const match = /^\s*q\s*=\s*([\d.]+)\s*$/.exec(param);
      if (match) q = Number(match[1]);
    }
    quality.set(name.trim(), Number.isFinite(q) ? q : 0);
  }
  const of = (name: string) => quality.get(name) ?? quality.get('*') ?? 0;
  const br = of('br');
  const gz = of('gzip');
  if (br > 0 && br >= gz) return 'br';
  return gz > 0 ? 'gzip' : null;
};

/** Adds Accept-Encoding to Vary (once), keeping what is there. */
export const varyOnEncoding = (reply: FastifyReply): void => {
  const current = reply.getHeader('vary');
  const names = String(current ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  if (names.includes('accept-encoding') || names.includes('*')) return;
  reply.header('vary', current ? `${current}, Accept-Encoding` : 'Accept-Encoding');
};

// An upload's answer is left alone (its request was the big part, and its counts are small).
const isUpload = (request: FastifyRequest): boolean =>
  request.method === 'POST' && request.url.split('?')[0].replace(/\/+$/, '').endsWith('/upload');

const isStream = (payload: unknown): payload is Readable =>
  typeof (payload as Readable | null)?.pipe === 'function';

/**
 * Compresses JSON and HTML answers of at least `threshold` bytes. A streamed answer (a proxied body)
 * is compressed only when its Content-Length says it is complete and big enough: a chunked stream
 * (an export, anything open-ended) goes through untouched, as it arrives.
 */
export const registerCompression = (app: FastifyInstance, threshold = COMPRESS_THRESHOLD_BYTES): void => {
  app.addHook('onSend', async (request, reply, payload) => {
    if (payload === null || payload === undefined || request.method === 'HEAD') return payload;
    if (reply.statusCode === 204 || reply.statusCode === 206 || reply.statusCode === 304) return payload;
    if (reply.getHeader('content-encoding')) return payload;
    if (!COMPRESSIBLE.test(String(reply.getHeader('content-type') ?? ''))) return payload;
    if (isUpload(request)) return payload;
    const buffered = typeof payload === 'string' || Buffer.isBuffer(payload);
    let size: number;
    if (buffered) {
      size = Buffer.byteLength(payload);
    } else if (isStream(payload)) {
      const declared = reply.getHeader('content-length');
      if (declared === undefined) return payload;
      size = Number(declared);
    } else {
      return payload;
    }
    if (!(size >= threshold)) return payload;
    varyOnEncoding(reply);
    const encoding = negotiateEncoding(request.headers['accept-encoding']);
    if (!encoding) return payload;
    reply.header('content-encoding', encoding);
    if (buffered) {
      const input = Buffer.isBuffer(payload) ? payload : Buffer.from(payload);
      const compressed =
        encoding === 'br' ? await brotliAsync(input, BROTLI_OPTIONS) : await gzipAsync(input);
      reply.header('content-length', compressed.length);
      return compressed;
    }
    reply.removeHeader('content-length');
    const compressor = encoding === 'br' ? createBrotliCompress(BROTLI_OPTIONS) : createGzip();
    return pipeline(payload as Readable, compressor, () => undefined);
  });
};
