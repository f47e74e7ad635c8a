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
  headers: Record<string, string>;
  /** Creates a Dynamic, Active campaign directly in the database; returns its id. */
  campaign(name: string): number;
  stop(): Promise<void>;
}

export const startBenchServer = async ({
  file = true,
  staticDir = null,
  seed = true,
}: {
  file?: boolean;
  staticDir?: string | null;
  seed?: boolean;
} = {}): Promise<BenchServer> => {
  const dir = file ? mkdtempSync(join(tmpdir(), 'sipcaller-bench-')) : null;
  const server = await createServer({
    db: dir ? join(dir, 'bench.db') : ':memory:',
    demoToken: BENCH_TOKEN,
    admin: true,
    staticDir,
    seed,
  });
  const url = await server.listen(0, '127.0.0.1');
  const accountId = server.demo.accountId;
  return {
    server,
    url,
    accountId,
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
