// Serves the built console (dist/) with a fallback to index.html for the SPA's own routes.
// Assets go out precompressed (the build's .br and .gz copies, by Accept-Encoding) and, being
// fingerprinted, immutable for a year. index.html is rendered per response: it carries that
// response's CSP nonce (for Emotion's <style> elements) and the API origins the policy allows.
import { existsSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CONNECT_SRC_META, NONCE_PLACEHOLDER, nonceOf } from '../security.ts';

export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** A GET for a page of the app (no file extension, outside the API), answered with index.html. */
export const isAppRoute = (request: FastifyRequest): boolean => {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url.split('?')[0];
  if (path === '/v1' || path.startsWith('/v1/') || path.startsWith('/_emulator')) return false;
  const last = path.slice(path.lastIndexOf('/') + 1);
  return !last.includes('.');
};

const CONNECT_META = new RegExp(`(<meta name="${CONNECT_SRC_META}" content=")([^"]*)(")`);

/** The CSP sources a build's index.html names for connect-src (VITE_SIPCALLER_API_URL's origin), beyond 'self'. */
export const buildConnectSources = (html: string): string[] =>
  (CONNECT_META.exec(html)?.[2] ?? '').split(/\s+/).filter((source) => source !== '' && source !== "'self'");

export interface StaticSite {
  /** The sources the build asks for in connect-src (its index.html's meta). */
  buildConnectSrc: string[];
  /** Starts serving; `connectSrc` is the policy's whole connect-src list beyond 'self'. */
  register(connectSrc: readonly string[]): Promise<void>;
  /** Answers with index.html for this response (its nonce and connect-src). */
  sendAppShell(reply: FastifyReply): FastifyReply;
}

/** The build in `root`, or null when there is none (no index.html). */
export const openStaticSite = (app: FastifyInstance, root: string): StaticSite | null => {
  const indexPath = join(root, 'index.html');
  if (!existsSync(indexPath)) return null;
  const template = readFileSync(indexPath, 'utf8');
  let page = template;

  const sendAppShell = (reply: FastifyReply): FastifyReply =>
    reply
      .code(200)
      .header('content-type', 'text/html; charset=utf-8')
      // Revalidated every time: it names the current build's assets.
      .header('cache-control', 'no-cache')
      .send(page.replaceAll(NONCE_PLACEHOLDER, nonceOf(reply.raw)));

  return {
    buildConnectSrc: buildConnectSources(template),
    sendAppShell,
    async register(connectSrc) {
      page = CONNECT_META.test(template)
        ? template.replace(CONNECT_META, (_all, start: string, _old: string, end: string) =>
            [start, ["'self'", ...connectSrc].join(' '), end].join(''),
          )
        : template;
      const assets = join(root, 'assets') + sep;
      await app.register(fastifyStatic, {
        root,
        prefix: '/',
        index: false,
        // The build writes file.br and file.gz beside each asset; Vary: Accept-Encoding comes with them.
        preCompressed: true,
        // index.html is answered by sendAppShell, never as the file (it holds the nonce placeholder).
        allowedPath: (pathName) => pathName !== '/index.html',
        setHeaders: (response, filePath) => {
          // Vite fingerprints everything under assets/: a new build has new names.
          response.header('Cache-Control', filePath.startsWith(assets) ? IMMUTABLE : 'no-cache');
        },
      });
      app.get('/', (_request, reply) => sendAppShell(reply));
      app.get('/index.html', (_request, reply) => sendAppShell(reply));
    },
  };
};
