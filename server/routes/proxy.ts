// Proxy mode: /v1 goes to the real SIP Caller API instead of the emulator, so the console served
// from this origin can use the real service without CORS trouble. Bodies are streamed through
// (uploads included), within the emulator's size limits; Authorization goes up, and Content-Range,
// Retry-After and the status come back as they are. Hop-by-hop headers stop here in both directions.
// The proxy keeps no state: any number of copies can stand behind a load balancer (docs/deploy.md).
import { Transform } from 'node:stream';
import replyFrom from '@fastify/reply-from';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { API_PREFIX, JSON_BODY_LIMIT_BYTES } from '../../src/contract.ts';
import { ApiError } from '../errors.ts';
import { SECURITY_HEADER_NAMES } from '../security.ts';
import { formatBytes, listParams } from './api.ts';

/** How long the upstream may take to start answering, and to go quiet mid-answer (default 2 minutes). */
export const DEFAULT_PROXY_TIMEOUT_MS = 120_000;

/** A multipart envelope adds a few hundred bytes around the file itself (the emulator allows 64 KB). */
const MULTIPART_SLACK_BYTES = 64 * 1024;

/** RFC 9110 §7.6.1: meaningful for one connection only, never forwarded (plus the Proxy-* family). */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/** Headers of the browser's session with this server that the upstream API has no use for. */
const DROPPED_REQUEST_HEADERS = ['cookie', 'origin', 'referer'];

type Headers = Record<string, string | string[] | number | undefined>;

/** The headers without hop-by-hop ones, nor those the Connection header names. */
export const withoutHopByHop = <T extends Headers>(headers: T): T => {
  const named = String(headers.connection ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  const kept = { ...headers };
  for (const name of Object.keys(kept)) {
    const lower = name.toLowerCase();
    if (HOP_BY_HOP.has(lower) || lower.startsWith('proxy-') || named.includes(lower)) delete kept[name];
  }
  return kept;
};

const mediaType = (request: FastifyRequest): string =>
  request.headers['content-type']?.split(';')[0].trim().toLowerCase() ?? '';

const isFormGet = (request: FastifyRequest): boolean =>
  (request.method === 'GET' || request.method === 'HEAD') &&
  mediaType(request) === 'application/x-www-form-urlencoded';

export interface ProxyOptions {
  apiUrl: string;
  /** The emulator's upload limit: a multipart body may be this big (plus its envelope). */
  uploadLimitBytes: number;
  timeoutMs?: number;
}

/** The emulator's limit for this request's body, and what it says when the body is over it. */
const limitFor = (request: FastifyRequest, uploadLimitBytes: number): { bytes: number; message: string } =>
  mediaType(request) === 'multipart/form-data'
    ? {
        bytes: uploadLimitBytes + MULTIPART_SLACK_BYTES,
        message: `The file is larger than the upload limit of ${formatBytes(uploadLimitBytes)}.`,
      }
    : {
        bytes: JSON_BODY_LIMIT_BYTES,
        message: `The request body is larger than ${formatBytes(JSON_BODY_LIMIT_BYTES)}.`,
      };

/** Passes a body on as it arrives, failing it with a 413 once it is longer than `limit` bytes. */
const limited = (limit: number, message: string): Transform => {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      callback(seen > limit ? new ApiError(413, message) : null, chunk);
    },
  });
};

export const registerProxy = async (app: FastifyInstance, options: ProxyOptions): Promise<void> => {
  const upstream = new URL(options.apiUrl);
  const basePath = upstream.pathname.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? DEFAULT_PROXY_TIMEOUT_MS;
  await app.register(async (scope) => {
    await scope.register(replyFrom, {
      base: upstream.origin,
      undici: { headersTimeout: timeoutMs, bodyTimeout: timeoutMs },
      // The request log holds the upstream path, never headers (Authorization stays out of it).
      disableRequestLogging: true,
    });
    // Every body stays a stream, piped to the upstream as it arrives, within the emulator's limits:
    // a declared length over the limit is refused before anything is sent; a chunked body is cut off.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { bodyLimit: Number.MAX_SAFE_INTEGER }, (request, payload, done) => {
      const { bytes, message } = limitFor(request, options.uploadLimitBytes);
      const declared = Number(request.headers['content-length']);
      if (declared > bytes) return done(new ApiError(413, message), undefined);
      if (request.headers['content-length'] !== undefined) return done(null, payload);
      const body = limited(bytes, message);
      payload.on('error', (error) => body.destroy(error));
      return done(null, payload.pipe(body));
    });
    scope.all(`${API_PREFIX}/*`, async (request, reply) => {
      const full = request.url;
      const queryStart = full.indexOf('?');
      const path = (queryStart === -1 ? full : full.slice(0, queryStart)).slice(API_PREFIX.length);
      // `curl --request GET --data-urlencode …` (the vendor page) sends the list parameters as a
      // GET body, which no proxy forwards: they travel on in the query string instead.
      let query = queryStart === -1 ? '' : full.slice(queryStart + 1);
      const formGet = isFormGet(request);
      if (formGet) {
        const params = await listParams(request);
        const search = new URLSearchParams();
        for (const [key, value] of Object.entries(params)) {
          for (const item of Array.isArray(value) ? value : [value ?? '']) search.append(key, item);
        }
        query = search.toString();
      }
      return reply.from(`${basePath}${path}`, {
        queryString: () => query,
        // The upstream's 503 + Retry-After goes to the console, which waits and says so (never retried here).
        retryDelay: () => null,
        rewriteRequestHeaders: (_request, headers) => {
          const forwarded = withoutHopByHop(headers);
          for (const name of DROPPED_REQUEST_HEADERS) delete forwarded[name];
          if (formGet) {
            delete forwarded['content-type'];
            delete forwarded['content-length'];
          }
          return forwarded;
        },
        rewriteHeaders: (headers) => {
          const kept = withoutHopByHop(headers);
          // This server's security headers apply to what it sends (server/security.ts), not the upstream's.
          for (const name of SECURITY_HEADER_NAMES) delete kept[name];
          return kept;
        },
        onError: (proxyReply, { error }) => {
          const cause = (error as { cause?: unknown }).cause;
          if (cause instanceof ApiError && cause.statusCode === 413) {
            proxyReply.code(413).send({ message: cause.message });
          } else if ((error as { statusCode?: number }).statusCode === 504) {
            proxyReply.code(504).send({
              message: `The SIP Caller API at ${upstream.origin} did not answer within ${timeoutMs / 1000} s.`,
            });
          } else {
            proxyReply.code(502).send({
              message: `The SIP Caller API at ${upstream.origin} could not be reached: ${error.message}`,
            });
          }
        },
      });
    });
  });
};
