// The security headers of everything this server sends (the console, its assets and the API), in one
// place: @fastify/helmet is configured from these values, docs/nginx.conf repeats them for other web
// servers, and test/server/deploy-headers.test.ts keeps the two in step.
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * What index.html carries where a per-response nonce goes (vite.config.ts: Vite's `html.cspNonce`
 * writes it into `<meta property="csp-nonce" nonce="…">`; the server replaces it per response).
 */
export const NONCE_PLACEHOLDER = 'SIPCALLER_CSP_NONCE';

/**
 * The `<meta>` that tells the console which API origins the policy lets it call (connect-src), so the
 * sign-in page can say which setting admits a typed API URL instead of failing silently. The build
 * writes the build-time origins into it (VITE_SIPCALLER_API_URL); the server writes its whole list.
 */
export const CONNECT_SRC_META = 'sipcaller-connect-src';

export type Directives = Record<string, string[]>;

/**
 * The Content-Security-Policy. `connectSrc`: origins beyond 'self' the console may call (the API's).
 * `nonce`: this response's nonce for the <style> elements Emotion inserts (MUI's styles).
 */
export const cspDirectives = (connectSrc: readonly string[], nonce: string): Directives => ({
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  // Emotion (MUI, react-admin) inserts <style> elements: each carries this response's nonce (src/main.tsx).
  'style-src': ["'self'", `'nonce-${nonce}'`],
  'connect-src': ["'self'", ...connectSrc],
  // The CSV worker is a module worker from this origin (src/lib/csv/client.ts).
  'worker-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'self'"],
});

export const formatCsp = (directives: Directives): string =>
  Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join(';');

/** Powerful browser features the console never uses, refused for it and for anything it could embed. */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'hid=()',
  'idle-detection=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'publickey-credentials-get=()',
  'screen-wake-lock=()',
  'serial=()',
  'usb=()',
  'xr-spatial-tracking=()',
].join(', ');

/** Sent only over HTTPS (directly, or behind a trusted proxy that says so): a year, this host only. */
export const HSTS = 'max-age=31536000';

/** The headers every response carries besides the CSP (and HSTS over HTTPS). Names as browsers show them. */
export const FIXED_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Origin-Agent-Cluster': '?1',
  // For browsers without frame-ancestors.
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': PERMISSIONS_POLICY,
};

export interface HeaderOptions {
  connectSrc: readonly string[];
  nonce: string;
  https: boolean;
}

/** Every security header of a response, exactly as sent (the list the tests and docs/nginx.conf check). */
export const securityHeaders = ({ connectSrc, nonce, https }: HeaderOptions): Record<string, string> => ({
  'Content-Security-Policy': formatCsp(cspDirectives(connectSrc, nonce)),
  ...FIXED_HEADERS,
  ...(https ? { 'Strict-Transport-Security': HSTS } : {}),
});

/** The security headers' names, lower-case (the proxy drops the upstream's, so this server's apply). */
export const SECURITY_HEADER_NAMES = [
  'content-security-policy',
  'strict-transport-security',
  ...Object.keys(FIXED_HEADERS).map((name) => name.toLowerCase()),
];

// One nonce per response, made when first asked for (the CSP header, then index.html's copy).
const nonces = new WeakMap<ServerResponse, string>();
export const nonceOf = (response: ServerResponse): string => {
  let nonce = nonces.get(response);
  if (!nonce) {
    nonce = randomBytes(16).toString('base64');
    nonces.set(response, nonce);
  }
  return nonce;
};

/**
 * The origin of each entry ("https://api.example.com/v1" → "https://api.example.com"); entries that
 * are already CSP sources ("https:", "*.example.com", "'self'") are kept as they are.
 */
export const connectSources = (entries: readonly (string | null | undefined)[]): string[] => {
  const sources: string[] = [];
  for (const raw of entries) {
    const entry = raw?.trim();
    if (!entry || entry === "'self'") continue;
    let source = entry;
    if (/^https?:\/\/[^*]+$/i.test(entry)) {
      try {
        source = new URL(entry).origin;
      } catch {
        throw new Error(
          `"${entry}" is not a URL or a CSP source (SIPCALLER_CONNECT_SRC, SIPCALLER_API_URL).`,
        );
      }
    } else if (/[\s;,"']/.test(entry)) {
      throw new Error(
        `"${entry}" is not a CSP source (SIPCALLER_CONNECT_SRC takes comma-separated origins).`,
      );
    }
    if (!sources.includes(source)) sources.push(source);
  }
  return sources;
};

/** Fastify's helmet options for these values, with the per-response style nonce. */
const helmetOptions = (connectSrc: readonly string[]) => {
  const directives: Record<string, Array<string | ((req: unknown, res: ServerResponse) => string)>> = {};
  for (const [name, values] of Object.entries(cspDirectives(connectSrc, NONCE_PLACEHOLDER))) {
    directives[name] = values.map((value) =>
      value.includes(NONCE_PLACEHOLDER)
        ? (_req: unknown, res: ServerResponse) => value.replace(NONCE_PLACEHOLDER, nonceOf(res))
        : value,
    );
  }
  return {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives },
    xContentTypeOptions: true,
    referrerPolicy: { policy: 'no-referrer' as const },
    crossOriginOpenerPolicy: { policy: 'same-origin' as const },
    crossOriginResourcePolicy: { policy: 'same-origin' as const },
    originAgentCluster: true,
    xFrameOptions: { action: 'deny' as const },
    // Sent by the hook below, only over HTTPS.
    strictTransportSecurity: false,
    // Not in the list: legacy headers of browsers the console does not support.
    crossOriginEmbedderPolicy: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
    xPoweredBy: false,
  };
};

/**
 * Every response gets the headers of `securityHeaders()`. `request.protocol` is "https" when this
 * server terminates TLS, or behind a proxy trusted with Fastify's trustProxy (SIPCALLER_TRUST_PROXY)
 * that sends X-Forwarded-Proto: https.
 */
export const registerSecurityHeaders = async (
  app: FastifyInstance,
  { connectSrc }: { connectSrc: readonly string[] },
): Promise<void> => {
  // biome-ignore lint/suspicious/noExplicitAny: helmet's directive functions are typed for Express' req/res.
  await app.register(helmet, helmetOptions(connectSrc) as any);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('Permissions-Policy', PERMISSIONS_POLICY);
    if (request.protocol === 'https') reply.header('Strict-Transport-Security', HSTS);
  });
};
