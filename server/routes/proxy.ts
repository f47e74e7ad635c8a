// Proxy mode: /v1 goes to the real SIP Caller API instead of the emulator, so the console served
// from this origin can use the real service without CORS trouble. Bodies are streamed through
// untouched (uploads included); Authorization goes up and Content-Range comes back as they are.
import replyFrom from '@fastify/reply-from';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { API_PREFIX } from '../../src/contract.ts';
import { listParams } from './api.ts';

/** Headers of the browser's session with this server that the upstream API has no use for. */
const DROPPED_HEADERS = ['cookie', 'origin', 'referer'];

const isFormGet = (request: FastifyRequest): boolean =>
  (request.method === 'GET' || request.method === 'HEAD') &&
  request.headers['content-type']?.split(';')[0].trim().toLowerCase() === 'application/x-www-form-urlencoded';

export const registerProxy = async (app: FastifyInstance, apiUrl: string): Promise<void> => {
  const upstream = new URL(apiUrl);
  const basePath = upstream.pathname.replace(/\/+$/, '');
  await app.register(async (scope) => {
    await scope.register(replyFrom, {
      base: upstream.origin,
      undici: { headersTimeout: 120_000, bodyTimeout: 0 },
    });
    // Every body stays a stream, to be piped to the upstream as it arrives.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { bodyLimit: Number.MAX_SAFE_INTEGER }, (_request, payload, done) =>
      done(null, payload),
    );
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
        rewriteRequestHeaders: (_request, headers) => {
          const forwarded = { ...headers };
          for (const name of DROPPED_HEADERS) delete forwarded[name];
          if (formGet) {
            delete forwarded['content-type'];
            delete forwarded['content-length'];
          }
          return forwarded;
        },
        onError: (proxyReply, { error }) => {
          proxyReply.code(502).send({
            message: `The SIP Caller API at ${upstream.origin} could not be reached: ${error.message}`,
          });
        },
      });
    });
  });
};
