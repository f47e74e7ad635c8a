import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type APIRequestContext, expect, type Page } from '@playwright/test';
import type { Campaign, CampaignNumber, CampaignStatus, CampaignType, DialerMode, Id } from '../../src/types';
import { test as cspTest } from './cspGuard';

// Credentials the Playwright config gives the emulator (test/e2e/playwright.config.ts).
export const DEMO_ACCOUNT_ID = '1001';
export const DEMO_TOKEN = 'e2e-demo-token';
/** A second seeded account with its own token. Revoke THIS token in tests, never the demo one. */
export const OTHER_ACCOUNT_ID = '2002';
export const OTHER_TOKEN = 'e2e-other-token';

/** The id style of the emulator under test (playwright.opaque.config.ts sets opaque). */
export const ID_STYLE = process.env.SIPCALLER_ID_STYLE === 'opaque' ? 'opaque' : 'integer';

/**
 * The console's page of a campaign, its id taken from the API and encoded as react-admin's createPath
 * writes it (an opaque id may hold `:`, which a path carries as %3A).
 */
export const campaignPath = (id: Id, rest = 'show'): string =>
  `/campaigns/${encodeURIComponent(String(id))}/${rest}`;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Matches a page URL that ends at that campaign page (for toHaveURL). */
export const campaignUrl = (id: Id, rest = 'show'): RegExp =>
  new RegExp(`${escapeRegExp(campaignPath(id, rest))}$`);

/** The path of a campaign's numbers in the API, as requests carry it (the id encoded). */
export const numbersApiPath = (id: Id): string => `/campaigns/${encodeURIComponent(String(id))}/numbers`;

// Fails any test during which the Content-Security-Policy blocked something (test/e2e/cspGuard.ts).
export const test = cspTest;
export { expect };

// Evaluated through the DevTools protocol, not added as a <script>: the console's CSP refuses inline scripts.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Opens the console (browser routes: `/campaigns`, `/campaigns/:id/show`, …; no hash), fills the
 * sign-in form and waits for the campaigns list. The app is a fresh page: nothing is remembered.
 */
export async function signIn(page: Page, { token = DEMO_TOKEN, accountId = DEMO_ACCOUNT_ID } = {}) {
  await page.goto('/');
  await page.getByLabel('API token', { exact: true }).fill(token);
  await page.getByLabel('Account ID', { exact: true }).fill(accountId);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/campaigns(\?|$)/);
  // .first(): the app bar's title is the page's <h1> (src/layout/PageHeading.tsx); a page may add its own.
  await expect(page.getByRole('heading', { level: 1, name: 'Campaigns' }).first()).toBeVisible();
}

export interface NewCampaign {
  accountId?: string;
  name: string;
  type?: CampaignType;
  status?: CampaignStatus;
  dialerMode?: DialerMode;
  /** Seed this many numbers into the campaign. */
  numbers?: number;
  varCount?: number;
  /** A local date-time without a zone ("2026-06-01T16:00:00"), as the API writes it. */
  startDate?: string;
}

/** Creates a campaign through the emulator's admin endpoint, so each mutating test owns its data. */
export async function createCampaign(request: APIRequestContext, campaign: NewCampaign): Promise<Campaign> {
  const response = await request.post('/_emulator/campaigns', {
    data: { accountId: DEMO_ACCOUNT_ID, type: 'Dynamic', status: 'Active', ...campaign },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as Campaign;
}

/** Every number of a demo-account campaign, by id, read straight from the API (a test's independent witness). */
export async function apiNumbers(request: APIRequestContext, campaignId: Id): Promise<CampaignNumber[]> {
  const all: CampaignNumber[] = [];
  for (let start = 0; ; start += 1000) {
    const response = await request.get(`/v1/accounts/${DEMO_ACCOUNT_ID}${numbersApiPath(campaignId)}`, {
      headers: { Authorization: `Bearer ${DEMO_TOKEN}` },
      params: { sort: '["id","ASC"]', range: `[${start},${start + 999}]` },
    });
    expect(response.ok(), await response.text()).toBe(true);
    const page = (await response.json()) as CampaignNumber[];
    all.push(...page);
    if (page.length < 1000) return all;
  }
}

/** How many numbers a demo-account campaign holds (the list's Content-Range total). */
export async function apiTotal(request: APIRequestContext, campaignId: Id): Promise<number> {
  const response = await request.get(`/v1/accounts/${DEMO_ACCOUNT_ID}${numbersApiPath(campaignId)}`, {
    headers: { Authorization: `Bearer ${DEMO_TOKEN}` },
    params: { range: '[0,0]' },
  });
  expect(response.ok(), await response.text()).toBe(true);
  return Number(response.headers()['content-range']?.split('/')[1]);
}

/** Makes `token` answer 401 from now on (the emulator's admin endpoint). */
export async function revokeToken(request: APIRequestContext, token: string): Promise<void> {
  const response = await request.post('/_emulator/revoke', { data: { token } });
  expect(response.ok(), await response.text()).toBe(true);
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/**
 * Runs axe-core on the page once its finite CSS transitions have ended (a colour caught halfway
 * through a theme change is not the page's contrast), and fails listing every violation (any impact).
 */
export async function expectNoA11yViolations(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const finite = document
      .getAnimations()
      .filter((animation) => Number.isFinite(Number(animation.effect?.getComputedTiming().endTime)));
    await Promise.race([
      Promise.allSettled(finite.map((animation) => animation.finished)),
      new Promise((resolve) => setTimeout(resolve, 2_000)),
    ]);
  });
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: unknown[] }> } })
      .axe;
    return (await axe.run(document)).violations;
  });
  const report = (violations as AxeViolation[]).map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n${v.nodes
        .map((n) => `    ${JSON.stringify(n.target)} ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`)
        .join('\n')}`,
  );
  expect(report, `axe-core violations on ${page.url()}:\n${report.join('\n')}`).toEqual([]);
}

/** A real drop on the upload panel: a File made in the page, carried by dragenter/dragover/drop. */
export async function dropCsv(page: Page, name: string, content: string): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ name, content }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], name, { type: 'text/csv' }));
      return transfer;
    },
    { name, content },
  );
  const zone = page.getByRole('button', {
    name: /Drop a CSV file or a spreadsheet \(\.xlsx, \.xls, \.ods\) here, or choose one/,
  });
  for (const type of ['dragenter', 'dragover', 'drop']) await zone.dispatchEvent(type, { dataTransfer });
  await expect(page.getByText(`File: ${name}`)).toBeVisible();
}

/** The figure of one tile of the upload panel (a term and its value in a description list). */
export const uploadTile = (page: Page, label: string) =>
  page
    .locator('dl')
    .locator('div', { has: page.getByText(label, { exact: true }) })
    .locator('dd');
