// `npm start`: the console (dist/) at / and the SIP Caller API emulator (or a proxy) at /v1.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, type SipCallerServer } from './app.ts';
import { closeOnSignal, runCli } from './cli.ts';
import { optionsFromEnv, portFromEnv } from './env.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The banner is the only place a token is ever printed: the operator's own terminal. */
const banner = (
  server: SipCallerServer,
  url: string,
  dbPath: string,
  proxy: string | null | undefined,
): string => {
  const { demo } = server;
  const lines = [
    '',
    `SIP Caller Console  ${url}/${server.staticServed ? '' : '   (not built yet: run "npm run build" to serve the console)'}`,
  ];
  if (proxy) {
    lines.push(`API                 ${url}/v1  ->  proxied to ${proxy}`, '');
    return lines.join('\n');
  }
  lines.push(
    `API (emulated)      ${url}/v1`,
    `Database            ${dbPath}${demo.newDatabase ? '  (new, seeded)' : ''}`,
    '',
    'Sign in with',
    `  Account ID        ${demo.accountId}`,
    `  API token         ${demo.token}${demo.tokenGenerated ? '   (new for this run; set SIPCALLER_DEMO_TOKEN to choose one)' : ''}`,
    `  API URL           ${url}/v1   (the default when the console is served from here)`,
    '',
    `Second account      ${demo.otherAccountId}, token ${demo.otherToken}`,
    '',
  );
  return lines.join('\n');
};

const main = async () => {
  // SIPCALLER_STATIC_DIR: another build to serve (the browser tests of one checkout can run side by side).
  const options = optionsFromEnv(
    process.env,
    resolve(root, process.env.SIPCALLER_STATIC_DIR?.trim() || 'dist'),
  );
  const dbPath = options.db ?? ':memory:';
  if (dbPath !== ':memory:') mkdirSync(dirname(resolve(dbPath)), { recursive: true });
  const server = await createServer(options);
  const url = await server.listen(portFromEnv(process.env, 8080), process.env.HOST?.trim() || '127.0.0.1');
  console.info(banner(server, url, dbPath, options.proxyApiUrl));
  if (options.admin) console.warn('Emulator admin endpoints are ON at /_emulator (no authentication).');
  closeOnSignal(() => server.close());
};

runCli(main);
