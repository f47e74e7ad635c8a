// Shared set-up for the emulator's HTTP tests: a fresh in-memory server per test file.
import type { LightMyRequestResponse } from 'fastify';
import { createServer, type ServerOptions, type SipCallerServer } from '../../server/app.ts';
import { SEED_CAMPAIGNS } from '../../server/seed.ts';

export const DEMO_TOKEN = 'test-demo-token';
export const OTHER_TOKEN = 'test-other-token';
export const DEMO = '1001';
export const OTHER = '2002';

export const startServer = (options: ServerOptions = {}): Promise<SipCallerServer> =>
  createServer({ db: ':memory:', demoToken: DEMO_TOKEN, otherToken: OTHER_TOKEN, admin: true, ...options });

export const auth = (token = DEMO_TOKEN) => ({ authorization: `Bearer ${token}` });

export const campaignsUrl = (account = DEMO) => `/v1/accounts/${account}/campaigns`;
export const numbersUrl = (campaignId: number | string, account = DEMO) =>
  `/v1/accounts/${account}/campaigns/${campaignId}/numbers`;

/** Query string of list parameters, JSON-encoded as react-admin sends them. */
export const listQuery = (params: { filter?: unknown; sort?: unknown; range?: unknown }): string =>
  new URLSearchParams(
    Object.entries(params)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]): [string, string] => [
        key,
        typeof value === 'string' ? value : JSON.stringify(value),
      ]),
  ).toString();

export const campaignId = (server: SipCallerServer, name: string, account = DEMO): number => {
  const id = server.db
    .prepare('SELECT id FROM campaigns WHERE account_id = ? AND name = ?')
    .pluck()
    .get(account, name) as number | undefined;
  if (id === undefined) throw new Error(`no seeded campaign "${name}"`);
  return id;
};

export const seedCampaign = (name: string) => {
  const found = SEED_CAMPAIGNS.find((campaign) => campaign.name === name);
  if (!found) throw new Error(`no seed campaign "${name}"`);
  return found;
};

export const countNumbers = (server: SipCallerServer, campaign: number): number =>
  server.db.prepare('SELECT count(*) FROM numbers WHERE campaign_id = ?').pluck().get(campaign) as number;

export const json = <T = unknown>(response: LightMyRequestResponse): T => response.json() as T;

/** Creates a campaign through the admin endpoint and answers its id. */
export const createCampaign = async (
  server: SipCallerServer,
  body: {
    accountId?: string;
    name?: string;
    type?: string;
    status?: string;
    numbers?: number;
    varCount?: number;
  } = {},
): Promise<number> => {
  const response = await server.app.inject({
    method: 'POST',
    url: '/_emulator/campaigns',
    payload: { accountId: DEMO, name: 'Test campaign', type: 'Dynamic', status: 'Active', ...body },
  });
  if (response.statusCode !== 201) throw new Error(`createCampaign: ${response.statusCode} ${response.body}`);
  return (response.json() as { id: number }).id;
};

/** A multipart body with one file field, as a browser or curl would send it. */
export const multipart = (
  content: string | Buffer,
  { field = 'file', filename = 'numbers.csv', type = 'text/csv' } = {},
): { payload: Buffer; headers: Record<string, string> } => {
  const boundary = '----sipcaller-test-boundary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    typeof content === 'string' ? Buffer.from(content, 'utf8') : content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
};
