// `npm run dev`: the emulator on a free port plus Vite's dev server (hot reload), which proxies /v1
// to it (vite.config.ts reads SIPCALLER_DEV_API). PORT sets Vite's port (default 5173).
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer as createViteServer } from 'vite';
import { createServer } from './app.ts';
import { closeOnSignal, runCli } from './cli.ts';
import { optionsFromEnv, portFromEnv } from './env.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const main = async () => {
  const options = optionsFromEnv(process.env, null);
  const api = await createServer(options);
  const apiUrl = await api.listen(0, '127.0.0.1');
  process.env.SIPCALLER_DEV_API = apiUrl;
  const vite = await createViteServer({
    root,
    configFile: resolve(root, 'vite.config.ts'),
    server: { port: portFromEnv(process.env, 5173), host: process.env.HOST?.trim() || '127.0.0.1' },
  });
  await vite.listen();
  vite.printUrls();
  console.info(
    `\nAPI ${apiUrl}/v1 (proxied by Vite at /v1)\nSign in with account ${api.demo.accountId} and token ${api.demo.token}\n`,
  );
  closeOnSignal(() => Promise.all([vite.close(), api.close()]));
};

runCli(main);
