// The emulator in-process for a benchmark: a temporary file database (WAL, as in production) or
// :memory:, the admin endpoints on, a known token.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type SipCallerServer } from '../../server/app.ts';

export const BENCH_TOKEN = 'bench-token';

export interface BenchServer {
  server: SipCallerServer;
  url: string;
  accountId: string;
  /** The database file (null for :memory:): a second server can open the same one. */
  dbPath: string | null;
  headers: Record<string, string>;
  /** Creates a Dynamic, Active campaign directly in the database; returns its id. */
  campaign(name: string): number;
  stop(): Promise<void>;
}

export const startBenchServer = async ({
  file = true,
  staticDir = null,
  seed = true,
  dbPath = null,
}: {
  file?: boolean;
  staticDir?: string | null;
  seed?: boolean;
  /** Open this existing database file (another bench server's) instead of a new one. */
  dbPath?: string | null;
} = {}): Promise<BenchServer> => {
  const dir = file && !dbPath ? mkdtempSync(join(tmpdir(), 'sipcaller-bench-')) : null;
  const db = dbPath ?? (dir ? join(dir, 'bench.db') : ':memory:');
  // The same code as `npm start` (createServer: static files, compression, headers, the API).
  const server = await createServer({ db, demoToken: BENCH_TOKEN, admin: true, staticDir, seed });
  const url = await server.listen(0, '127.0.0.1');
  const accountId = server.demo.accountId;
  return {
    server,
    url,
    accountId,
    dbPath: db === ':memory:' ? null : db,
    headers: { Authorization: `Bearer ${BENCH_TOKEN}` },
    campaign: (name) =>
      server.db
        .prepare(
          `INSERT INTO campaigns (account_id, name, type, status, dialer_mode) VALUES (?, ?, 'Dynamic', 'Active', 'Power') RETURNING id`,
        )
        .pluck()
        .get(accountId, name) as number,
    async stop() {
      await server.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
};

export interface ServerPair {
  /** Serves the console's build; owns the database file. */
  app: BenchServer;
  /** Serves the baseline app's build with the same server code, on the same database file. */
  baseline: BenchServer;
  stop(): Promise<void>;
}

/**
 * Two servers built by createServer (the code `npm start` runs), one per build, on ONE database
 * file: each app calls its own origin's /v1 (no CORS preflight, no cross-origin policy to widen),
 * and both read the same emulated account and campaigns. Seed extra data through `app` before
 * timing; the baseline's connection reads it (WAL).
 */
export const startServerPair = async (appDir: string, baselineDir: string): Promise<ServerPair> => {
  const app = await startBenchServer({ file: true, staticDir: appDir });
  const baseline = await startBenchServer({ staticDir: baselineDir, dbPath: app.dbPath });
  return {
    app,
    baseline,
    async stop() {
      await baseline.stop();
      await app.stop();
    },
  };
};
