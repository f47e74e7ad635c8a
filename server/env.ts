// Reads the emulator's environment variables into ServerOptions (used by main.ts and dev.ts).
import { DEFAULT_UPLOAD_LIMIT_BYTES } from '../src/contract.ts';
import type { ServerOptions } from './app.ts';

export const DEFAULT_DB_PATH = './data/sipcaller.db';

const list = (value: string | undefined): string[] | boolean | undefined => {
  if (value === undefined || value.trim() === '') return undefined;
  if (value.trim() === '*') return true;
  return value
    .split(',')
    .map((origin) => origin.trim())
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
    admin: env.SIPCALLER_EMULATOR_ADMIN === '1' || env.SIPCALLER_EMULATOR_ADMIN === 'true',
    logger: env.SIPCALLER_LOG === '1' || env.SIPCALLER_LOG === 'true',
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
