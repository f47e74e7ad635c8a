// The six curl commands of the vendor's API page, run with curl as the page writes them (only the
// host, token and ids substituted) against the emulator listening on a free port.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SipCallerServer } from '../../server/app.ts';
import { SEED_CAMPAIGNS } from '../../server/seed.ts';
import type { Campaign, CampaignNumber } from '../../src/types.ts';
import {
  auth,
  campaignsUrl,
  countNumbers,
  createCampaign,
  DEMO,
  DEMO_TOKEN,
  startServer,
} from './helpers.ts';

const run = promisify(execFile);
const hasCurl = await run('curl', ['--version']).then(
  () => true,
  () => false,
);

// Copied from the vendor page (../shared/api/sipcaller-rest-api.txt), line breaks and all.
const PAGE = {
  listCampaigns: `curl -i \\
--header 'Authorization: Bearer API_KEY_TOKEN' \\
--request GET \\
--data-urlencode 'filter={"status":"Active"}' \\
--data-urlencode 'sort=["name","DESC"]' \\
--data-urlencode 'range=[0,99]' \\
'https://api.sipcaller.com/v1/accounts/ACCOUNT_ID/campaigns'`,
  listNumbers: `curl -i \\
--header 'Authorization: Bearer API_KEY_TOKEN' \\
--request GET \\
--data-urlencode 'filter={"number":"123456789"}' \\
--data-urlencode 'sort=["number","DESC"]' \\
--data-urlencode 'range=[0,19]' \\
'https://api.sipcaller.com/v1/accounts/ACCOUNT_ID/campaigns/CAMPAIGN_ID/numbers'`,
  addNumber: `curl \\
--header 'Content-Type: application/json' \\
--header 'Authorization: Bearer API_KEY_TOKEN' \\
--request POST \\
--data-raw '{"number": "+18005551234"}' \\
'https://api.sipcaller.com/v1/accounts/ACCOUNT_ID/campaigns/CAMPAIGN_ID/numbers'`,
  addNumberWithVars: `curl \\
--header 'Content-Type: application/json' \\
--header 'Authorization: Bearer API_KEY_TOKEN' \\
--request POST \\
--data-raw '{"number": "+18005551234", "varValues": ["John", "199"]}' \\
'https://api.sipcaller.com/v1/accounts/ACCOUNT_ID/campaigns/CAMPAIGN_ID/numbers'`,
  upload: `curl \\
--header 'Authorization: Bearer API_KEY_TOKEN' \\
--form "file=@campaign-numbers.csv" \\
'https://api.sipcaller.com/v1/accounts/ACCOUNT_ID/campaigns/CAMPAIGN_ID/numbers/upload
?firstRowIsHeader=false
&varCount=2'`,
  delete: `curl -i \\
--header 'Content-Type: application/json' \\
--header 'Authorization: Bearer API_KEY_TOKEN' \\
--request DELETE \\
--data-raw '[NUMBER_ID_1,NUMBER_ID_2,NUMBER_ID_3]' \\
'https://api.sipcaller.com/v1/accounts/ACCOUNT_ID/campaigns/CAMPAIGN_ID/numbers'`,
};

const PAGE_CSV =
  '5550001,John,199\n5550002,Mary,299\n5550003,Susan,149\n5550004,James,300\n5550005,Walter,42\n';

let server: SipCallerServer;
let baseUrl: string;
let dir: string;

beforeAll(async () => {
  server = await startServer();
  baseUrl = await server.listen(0);
  dir = mkdtempSync(join(tmpdir(), 'sipcaller-curl-'));
  writeFileSync(join(dir, 'campaign-numbers.csv'), PAGE_CSV);
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const substitute = (command: string, campaign: number | string, ids: (number | string)[] = []) =>
  command
    .replaceAll('https://api.sipcaller.com', baseUrl)
    .replaceAll('API_KEY_TOKEN', DEMO_TOKEN)
    .replaceAll('ACCOUNT_ID', DEMO)
    .replaceAll('CAMPAIGN_ID', String(campaign))
    .replace(/NUMBER_ID_(\d)/g, (_match, n: string) => String(ids[Number(n) - 1]));

/** Runs a command in bash as an operator would paste it; answers status, headers and body. */
const curl = async (command: string) => {
  const { stdout } = await run('bash', ['-c', `${command} --silent --show-error`], { cwd: dir });
  if (!command.startsWith('curl -i'))
    return { status: 0, headers: {} as Record<string, string>, body: stdout };
  const [head, ...rest] = stdout.split('\r\n\r\n');
  const [statusLine, ...headerLines] = head.split('\r\n');
  const headers = Object.fromEntries(
    headerLines.map((line) => [
      line.slice(0, line.indexOf(':')).toLowerCase(),
      line.slice(line.indexOf(':') + 1).trim(),
    ]),
  );
  return { status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') };
};

describe.skipIf(!hasCurl)("the vendor page's curl commands, verbatim", () => {
  it('lists campaigns (GET with a form-encoded body)', async () => {
    const { status, headers, body } = await curl(substitute(PAGE.listCampaigns, ''));
    expect(status).toBe(200);
    const names = (JSON.parse(body) as Campaign[]).map((campaign) => campaign.name);
    const active = SEED_CAMPAIGNS.filter((c) => c.status === 'Active').map((c) => c.name);
    expect(names).toEqual([...active].sort((a, b) => b.toLowerCase().localeCompare(a.toLowerCase())));
    expect(headers['content-range']).toBe(`campaigns 0-${active.length - 1}/${active.length}`);
  });

  it('adds a number, with and without variable values, then lists and deletes numbers', async () => {
    const campaign = await createCampaign(server, { name: 'curl campaign' });
    const first = JSON.parse((await curl(substitute(PAGE.addNumber, campaign))).body) as CampaignNumber;
    expect(first).toMatchObject({ number: '+18005551234', varValues: [], status: 'Pending' });
    const second = JSON.parse(
      (await curl(substitute(PAGE.addNumberWithVars, campaign))).body,
    ) as CampaignNumber;
    expect(second).toMatchObject({ number: '+18005551234', varValues: ['John', '199'] });

    // The page's list example searches "123456789": none of these numbers holds it.
    const none = await curl(substitute(PAGE.listNumbers, campaign));
    expect(none.status).toBe(200);
    expect(JSON.parse(none.body)).toEqual([]);
    expect(none.headers['content-range']).toBe('numbers */0');
    const search = await curl(substitute(PAGE.listNumbers, campaign).replace('123456789', '8005551'));
    expect((JSON.parse(search.body) as CampaignNumber[]).map((row) => row.id)).toEqual([second.id, first.id]);
    expect(search.headers['content-range']).toBe('numbers 0-1/2');

    const deleted = await curl(substitute(PAGE.delete, campaign, [first.id, second.id, 987654321]));
    expect(deleted.status).toBe(200);
    expect(JSON.parse(deleted.body)).toEqual([first.id, second.id]);
    expect(countNumbers(server, campaign)).toBe(0);
  });

  it('uploads the example CSV file', async () => {
    const campaign = await createCampaign(server, { name: 'curl upload' });
    // The page breaks the URL over three lines; curl refuses a URL with line breaks in it, so an
    // operator has to join them. That is the only change made to the command.
    const command = substitute(PAGE.upload, campaign).replace(/\n(?=[?&])/g, '');
    const result = JSON.parse((await curl(command)).body) as unknown;
    expect(result).toEqual({ inserted: 5, rejectedCount: 0, rejected: [] });
    expect(countNumbers(server, campaign)).toBe(5);
  });
});

describe('the same calls without curl', () => {
  it('takes list parameters from a form-encoded GET body as curl --data-urlencode sends them', async () => {
    const response = await server.app.inject({
      method: 'GET',
      url: campaignsUrl(),
      headers: { ...auth(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        filter: '{"status":"Active"}',
        sort: '["name","DESC"]',
        range: '[0,1]',
      }).toString(),
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-range']).toMatch(/^campaigns 0-1\/\d+$/);
    expect((response.json() as Campaign[]).every((campaign) => campaign.status === 'Active')).toBe(true);
  });

  it('reports a parameter given in both the query string and the body', async () => {
    const response = await server.app.inject({
      method: 'GET',
      url: `${campaignsUrl()}?range=[0,1]`,
      headers: { ...auth(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'range=%5B0%2C5%5D',
    });
    expect(response.statusCode).toBe(400);
    expect((response.json() as { message: string }).message).toContain('more than once');
  });
});
