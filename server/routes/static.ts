// Serves the built console (dist/) with a fallback to index.html for the SPA's own routes.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** A GET for a page of the app (no file extension, outside the API), answered with index.html. */
export const isAppRoute = (request: FastifyRequest): boolean => {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url.split('?')[0];
  if (path === '/v1' || path.startsWith('/v1/') || path.startsWith('/_emulator')) return false;
  const last = path.slice(path.lastIndexOf('/') + 1);
  return !last.includes('.');
};

export const registerStatic = async (app: FastifyInstance, root: string): Promise<boolean> => {
  if (!existsSync(join(root, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    index: 'index.html',
    setHeaders: (reply, filePath) => {
      // Vite fingerprints everything under assets/; index.html must be revalidated to pick them up.
      reply.header(
        'Cache-Control',
        filePath.includes(`${join(root, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  return true;
};

export const sendAppShell = (reply: FastifyReply): FastifyReply => reply.sendFile('index.html');
