// Reads the emulator's environment variables into ServerOptions (used by main.ts and dev.ts).
import { DEFAULT_UPLOAD_LIMIT_BYTES } from '../src/contract.ts';
import type { ServerOptions } from './app.ts';
import { parseIdStyle } from './ids.ts';

export const DEFAULT_DB_PATH = './data/sipcaller.db';

const list = (value: string | undefined): string[] | boolean | undefined => {
  if (value === undefined || value.trim() === '') return undefined;
  if (value.trim() === '*') return true;
  return value
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
};

const flag = (value: string | undefined): boolean => value === '1' || value === 'true';

const positiveNumber = (env: NodeJS.ProcessEnv, name: string): number | undefined => {
  const text = env[name]?.trim();
  if (!text) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`${name} must be a positive number, not "${text}".`);
  return value;
};

/** SIPCALLER_SIMULATE_DIALER and its settings; false when the dialer is off. */
const dialerFromEnv = (env: NodeJS.ProcessEnv): ServerOptions['dialer'] => {
  if (!flag(env.SIPCALLER_SIMULATE_DIALER)) return false;
  const seed = env.SIPCALLER_DIALER_SEED?.trim();
  if (seed && !/^\d+$/.test(seed))
    throw new Error(`SIPCALLER_DIALER_SEED must be an integer, not "${seed}".`);
  return {
    rate: positiveNumber(env, 'SIPCALLER_DIALER_RATE'),
    intervalMs: positiveNumber(env, 'SIPCALLER_DIALER_INTERVAL_MS'),
    seed: seed ? Number(seed) : undefined,
  };
};

/**
 * SIPCALLER_TRUST_PROXY, Fastify's trustProxy: "true" (every proxy), a number of hops, or
 * comma-separated addresses / CIDR ranges of the load balancers. Unset: X-Forwarded-* is ignored.
 */
export const trustProxyFromEnv = (value: string | undefined): ServerOptions['trustProxy'] => {
  const text = value?.trim();
  if (!text || text === 'false' || text === '0') return undefined;
  if (text === 'true') return true;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return (_address: string, hop: number) => hop < hops;
  }
  return text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
};

export const optionsFromEnv = (env: NodeJS.ProcessEnv, staticDir: string | null): ServerOptions => {
  const proxyApiUrl = env.SIPCALLER_API_URL?.trim() || null;
  const uploadMb = env.SIPCALLER_UPLOAD_LIMIT_MB?.trim();
  const uploadLimitBytes = uploadMb ? Math.round(Number(uploadMb) * 1024 * 1024) : DEFAULT_UPLOAD_LIMIT_BYTES;
  if (!Number.isFinite(uploadLimitBytes) || uploadLimitBytes <= 0) {
    throw new Error(`SIPCALLER_UPLOAD_LIMIT_MB must be a positive number, not "${uploadMb}".`);
  }
  if (proxyApiUrl && !/^https?:\/\//.test(proxyApiUrl)) {
    throw new Error(
      `SIPCALLER_API_URL must be an http(s) URL such as https://api.sipcaller.com/v1, not "${proxyApiUrl}".`,
    );
  }
  return {
    // A proxy has no use for a database file unless one is asked for.
    db: env.SIPCALLER_DB?.trim() || (proxyApiUrl ? ':memory:' : DEFAULT_DB_PATH),
    seed: true,
    demoAccountId: env.SIPCALLER_DEMO_ACCOUNT_ID?.trim() || undefined,
    demoToken: env.SIPCALLER_DEMO_TOKEN?.trim() || undefined,
    otherToken: env.SIPCALLER_OTHER_TOKEN?.trim() || undefined,
    uploadLimitBytes,
    corsOrigins: list(env.SIPCALLER_CORS_ORIGINS),
    staticDir,
    proxyApiUrl,
    admin: flag(env.SIPCALLER_EMULATOR_ADMIN),
    dialer: dialerFromEnv(env),
    idStyle: parseIdStyle(env.SIPCALLER_ID_STYLE),
    logger: flag(env.SIPCALLER_LOG),
    connectSrc: env.SIPCALLER_CONNECT_SRC?.split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    trustProxy: trustProxyFromEnv(env.SIPCALLER_TRUST_PROXY),
    proxyTimeoutMs: positiveNumber(env, 'SIPCALLER_PROXY_TIMEOUT_MS'),
  };
};

export const portFromEnv = (env: NodeJS.ProcessEnv, fallback: number): number => {
  const text = env.PORT?.trim();
  if (!text) return fallback;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be 0..65535, not "${text}".`);
  return port;
};
