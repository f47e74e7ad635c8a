// createServer(): the SIP Caller API emulator (or a proxy to the real API) plus the built console.
// No side effects on import: nothing opens, listens or reads the environment until it is called.
import { resolve } from 'node:path';
import cors from '@fastify/cors';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply } from 'fastify';
import {
  API_PREFIX,
  CONTENT_RANGE_HEADER,
  DEFAULT_UPLOAD_LIMIT_BYTES,
  JSON_BODY_LIMIT_BYTES,
} from '../src/contract.ts';
import { createAccountStore } from './accounts.ts';
import { createCampaignStore } from './campaigns.ts';
import { registerCompression } from './compression.ts';
import { type Db, openDatabase } from './db.ts';
import { createDialer, type Dialer, type DialerOptions } from './dialer.ts';
import { ApiError } from './errors.ts';
import { createFaults, registerFaultHook } from './faults.ts';
import { createIdCodec, type IdCodec, type IdStyle } from './ids.ts';
import { type DemoInfo, initDatabase } from './init.ts';
import { createNumberStore } from './numbers.ts';
import { registerAdminRoutes } from './routes/admin.ts';
import { formatBytes, registerApiRoutes } from './routes/api.ts';
import { registerProxy } from './routes/proxy.ts';
import { isAppRoute, openStaticSite } from './routes/static.ts';
import { connectSources, registerSecurityHeaders } from './security.ts';
import { createUploader } from './upload.ts';

export type { DemoInfo } from './init.ts';

export interface ServerOptions {
  /** A file path or ':memory:' (the default). */
  db?: string;
  /** Seed demo campaigns into a new database (default true). Accounts and tokens always exist. */
  seed?: boolean;
  demoAccountId?: string;
  demoToken?: string;
  /** The second account's token (SIPCALLER_OTHER_TOKEN); generated when absent. */
  otherToken?: string;
  uploadLimitBytes?: number;
  /**
   * Origins allowed to call the API from a browser: a list, true for any, false for none.
   * Default: any http://localhost or http://127.0.0.1 origin.
   */
  corsOrigins?: string[] | boolean;
  /** Serve the built SPA from this directory, with index.html for the app's routes. */
  staticDir?: string | null;
  /** Proxy /v1 to this URL (e.g. https://api.sipcaller.com/v1) instead of emulating it. */
  proxyApiUrl?: string | null;
  /** Enable the unauthenticated /_emulator endpoints (tests and benchmarks only). */
  admin?: boolean;
  /**
   * Play a dialer (SIPCALLER_SIMULATE_DIALER): numbers of Active campaigns move on a timer, see
   * dialer.ts. Off by default; ignored with proxyApiUrl.
   */
  dialer?: boolean | DialerOptions;
  /**
   * How the API writes ids (SIPCALLER_ID_STYLE): 'integer' (the default) or 'opaque' strings such as
   * "5f8d0d55b54764421b7156c9" (server/ids.ts). Rowids inside either way.
   */
  idStyle?: IdStyle;
  logger?: boolean;
  /** Where the log goes (default stdout); a stream turns logging on (tests read it). */
  logStream?: NodeJS.WritableStream;
  /**
   * Origins beyond this one the console may call (SIPCALLER_CONNECT_SRC): the CSP's connect-src, with
   * the proxied API's origin and the build's VITE_SIPCALLER_API_URL origin (server/security.ts).
   */
  connectSrc?: string[];
  /**
   * Fastify's trustProxy (SIPCALLER_TRUST_PROXY): whom to believe about X-Forwarded-Proto / -For, so
   * HSTS is sent behind a TLS-terminating load balancer. Default: nobody.
   */
  trustProxy?: boolean | string | string[] | ((address: string, hop: number) => boolean);
  /** Proxy mode: how long the API may take to answer before a 504 (ms, default 120 s). */
  proxyTimeoutMs?: number;
}

export interface SipCallerServer {
  app: FastifyInstance;
  db: Db;
  demo: DemoInfo;
  /** How ids are written and read at the API boundary (rowid ⇄ API id). */
  ids: IdCodec;
  /** The simulated dialer, running on its timer (null when off). */
  dialer: Dialer | null;
  /** The console is served only when staticDir holds a build (index.html). */
  staticServed: boolean;
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

const LOCAL_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

/**
 * Whitespace a copied command line can leave in a URL (the vendor page breaks the upload URL
 * before "?firstRowIsHeader") is dropped: encoded line breaks and tabs anywhere, spaces at the
 * end of the path.
 */
export const cleanUrl = (url: string): string => {
  const cleaned = url.replace(/%0[ad9]/gi, '').replace(/[\r\n\t]/g, '');
  const queryStart = cleaned.indexOf('?');
  const path = queryStart === -1 ? cleaned : cleaned.slice(0, queryStart);
  const query = queryStart === -1 ? '' : cleaned.slice(queryStart);
  return path.replace(/(%20|\s)+$/i, '') + query;
};

const frameworkMessage = (error: FastifyError): string => {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return `The request body is larger than ${formatBytes(JSON_BODY_LIMIT_BYTES)}.`;
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'Unsupported Content-Type: send JSON with "Content-Type: application/json" (uploads: multipart/form-data).';
    case 'FST_MP_PREMATURE_CLOSE':
      return 'The upload was interrupted before the whole file arrived; nothing was inserted.';
    default:
      return error.message;
  }
};

export const createServer = async (options: ServerOptions = {}): Promise<SipCallerServer> => {
  const uploadLimitBytes = options.uploadLimitBytes ?? DEFAULT_UPLOAD_LIMIT_BYTES;
  const ids = createIdCodec(options.idStyle ?? 'integer');
  const db = openDatabase(options.db ?? ':memory:');
  const demo = initDatabase(db, {
    seed: options.seed ?? true,
    demoAccountId: options.demoAccountId,
    demoToken: options.demoToken,
    otherToken: options.otherToken,
  });

  const app = Fastify({
    // Fastify's request log holds method, URL and addresses, never headers: tokens stay out of it.
    logger:
      options.logger || options.logStream
        ? { level: 'info', redact: ['req.headers.authorization'], stream: options.logStream }
        : false,
    trustProxy: options.trustProxy ?? false,
    bodyLimit: JSON_BODY_LIMIT_BYTES,
    rewriteUrl: (request) => cleanUrl(request.url ?? '/'),
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors: (error, _request, reply) => {
      (reply as FastifyReply).code(400).send({ message: `Bad request: ${error.message}` });
    },
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof ApiError) {
      return reply.code(error.statusCode).headers(error.headers).send({ message: error.message });
    }
    const status =
      error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    if (status >= 500) {
      request.log.error(error);
      return reply
        .code(status)
        .send({ message: 'The emulator failed to handle this request (see its log).' });
    }
    // Other 4xx from Fastify itself: a malformed JSON body, a wrong content type, a size limit.
    const message =
      error instanceof SyntaxError ? `The body is not valid JSON: ${error.message}` : frameworkMessage(error);
    return reply.code(status).send({ message });
  });

  // An empty JSON body is "no body" (the route says what it expected) rather than a parser error.
  // Plain text is no body the API takes: it is a 415 like any other unsupported type.
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = (body as string).trim();
    if (!text) return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch (error) {
      done(new ApiError(400, `The body is not valid JSON: ${(error as Error).message}`), undefined);
    }
  });

  // Security headers on every response, compression of the JSON answers (server/security.ts, compression.ts).
  const site = options.staticDir ? openStaticSite(app, resolve(options.staticDir)) : null;
  const connectSrc = connectSources([
    ...(site?.buildConnectSrc ?? []),
    options.proxyApiUrl,
    ...(options.connectSrc ?? []),
  ]);
  await registerSecurityHeaders(app, { connectSrc });
  registerCompression(app);

  const corsOrigins = options.corsOrigins;
  await app.register(cors, {
    origin: corsOrigins === undefined ? LOCAL_ORIGIN : corsOrigins,
    methods: ['GET', 'HEAD', 'POST', 'DELETE', 'OPTIONS'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Range'],
    exposedHeaders: [CONTENT_RANGE_HEADER],
    maxAge: 600,
    // An OPTIONS request that is not a proper preflight still gets an empty 204, not a text 400.
    strictPreflight: false,
  });

  const faults = createFaults();
  if (options.admin) registerFaultHook(app, faults);

  const accounts = createAccountStore(db);
  const campaigns = createCampaignStore(db);
  if (options.proxyApiUrl) {
    await registerProxy(app, {
      apiUrl: options.proxyApiUrl,
      uploadLimitBytes,
      timeoutMs: options.proxyTimeoutMs,
    });
  } else {
    await app.register(async (api) => {
      await api.register(multipart, { limits: { fileSize: uploadLimitBytes } });
      registerApiRoutes(api, {
        accounts,
        campaigns,
        numbers: createNumberStore(db, { ids }),
        uploader: createUploader(db),
        uploadLimitBytes,
        ids,
      });
    });
  }
  if (options.admin) registerAdminRoutes(app, { db, accounts, campaigns, faults, ids });

  await site?.register(connectSrc);
  const staticServed = site !== null;
  app.setNotFoundHandler((request, reply) => {
    if (site && isAppRoute(request)) return site.sendAppShell(reply);
    const path = request.url.split('?')[0];
    const hint =
      path === API_PREFIX || path.startsWith(`${API_PREFIX}/`) ? '' : ` (the API lives under ${API_PREFIX})`;
    return reply.code(404).send({ message: `Not found: ${request.method} ${path.slice(0, 200)}${hint}.` });
  });

  let dialer: Dialer | null = null;
  if (options.dialer && !options.proxyApiUrl) {
    dialer = createDialer(db, options.dialer === true ? {} : options.dialer);
    dialer.start();
  }

  let closed = false;
  return {
    app,
    db,
    demo,
    ids,
    dialer,
    staticServed,
    async listen(port = 0, host = '127.0.0.1') {
      await app.listen({ port, host });
      const address = app.server.address();
      if (!address || typeof address === 'string') return `http://${host}:${port}`;
      const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      return `http://${shownHost}:${address.port}`;
    },
    async close() {
      if (closed) return;
      closed = true;
      dialer?.stop();
      await app.close();
      db.close();
    },
  };
};
