// Benchmark 5, the grid: in Chromium against the built console, the time from clicking a campaign
// of N numbers in the campaigns list to the first animation frame with 100 number rows in the page,
// against the baseline react-admin app's time from clicking its "Numbers" menu entry to 100 rows of
// the same campaign (ra-data-simple-rest, a Datagrid of 100 rows, the same sort), both apps served
// by the same server code from one database.
import type { Page } from '@playwright/test';
import { seedNumbers } from '../server/seed.ts';
import { launchChromium } from './lib/browser.ts';
import { buildBaseline, buildConsole } from './lib/build.ts';
import { resultsDir } from './lib/paths.ts';
import { type Figure, ratio, type Section } from './lib/report.ts';
import { BENCH_TOKEN, startServerPair } from './lib/server.ts';
import { median, round } from './lib/stats.ts';

const CAMPAIGN = 'Grid benchmark (large)';

/** Clicks `target` and answers the milliseconds until a frame shows 100 rows holding a number. */
const clickToRows = async (
  page: Page,
  click: () => Promise<void>,
): Promise<{ painted: number; response: number; requested: number; apiCalls: number }> => {
  await page.evaluate(() => {
    const w = window as unknown as { __clicked?: number };
    w.__clicked = undefined;
    // The resource timing buffer holds 250 entries by default: start each run with an empty one.
    performance.clearResourceTimings();
    document.addEventListener(
      'click',
      () => {
        w.__clicked = performance.now();
      },
      { capture: true, once: true },
    );
  });
  await click();
  const handle = await page.waitForFunction(
    () => {
      const rows = document.querySelectorAll('tbody tr');
      let withNumber = 0;
      for (const row of rows) if (/\+1\d{10}/.test(row.textContent ?? '')) withNumber++;
      const w = window as unknown as { __clicked?: number };
      return withNumber >= 100 && w.__clicked !== undefined ? performance.now() - w.__clicked : false;
    },
    null,
    { polling: 'raf', timeout: 60_000 },
  );
  const painted = (await handle.jsonValue()) as number;
  // When the 100-row page's request was made and its response had fully arrived (resource timing),
  // relative to the click, and how many API calls the click made before the rows were painted.
  const timing = await page.evaluate((paintedAfter) => {
    const clicked = (window as unknown as { __clicked: number }).__clicked;
    const api = performance
      .getEntriesByType('resource')
      .filter(
        (entry) =>
          entry.startTime >= clicked &&
          entry.startTime <= clicked + paintedAfter &&
          /\/v1\//.test(entry.name),
      ) as PerformanceResourceTiming[];
    const page = api.find((entry) => /\/numbers\?/.test(entry.name) && /99%5D|99\]/.test(entry.name));
    return {
      response: page ? page.responseEnd - clicked : Number.NaN,
      requested: page ? page.requestStart - clicked : Number.NaN,
      apiCalls: api.length,
    };
  }, painted);
  return { painted, ...timing };
};

export const runGrid = async (rows: number, runs = 5): Promise<Section> => {
  const consoleDir = await buildConsole();
  const baselineDir = await buildBaseline();
  const servers = await startServerPair(consoleDir, baselineDir);
  const { app: bench, baseline: baselineServer } = servers;
  const browser = await launchChromium();
  try {
    const campaignId = bench.campaign(CAMPAIGN);
    seedNumbers(bench.server.db, campaignId, rows, { varCount: 2 });
    bench.server.db.pragma('wal_checkpoint(TRUNCATE)');

    // The console: sign in, then set 100 rows per page once (the list remembers it), then time.
    const context = await browser.newContext({
      baseURL: bench.url,
      locale: 'en-US',
      viewport: { width: 1440, height: 900 },
    });
    const page = await context.newPage();
    await page.goto('/');
    await page.getByLabel('API token', { exact: true }).fill(BENCH_TOKEN);
    await page.getByLabel('Account ID', { exact: true }).fill(bench.accountId);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(CAMPAIGN).first().click();
    await page.locator('tbody tr').nth(24).waitFor();
    await page.waitForLoadState('networkidle');
    await page.getByRole('combobox', { name: /rows per page/i }).click();
    await page.getByRole('option', { name: '100' }).click();
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length >= 100);
    // The baseline app, served by the same server code, reading the same campaign from the same
    // database through its own origin's /v1.
    const baseContext = await browser.newContext({
      baseURL: baselineServer.url,
      locale: 'en-US',
      viewport: { width: 1440, height: 900 },
    });
    await baseContext.addInitScript(
      ([token, api, campaign]) => {
        localStorage.setItem('bench.token', token);
        localStorage.setItem('bench.api', api);
        localStorage.setItem('bench.campaign', campaign);
      },
      [BENCH_TOKEN, `/v1/accounts/${baselineServer.accountId}`, String(campaignId)],
    );
    const basePage = await baseContext.newPage();
    const baselineRun = async () => {
      await basePage.goto('/#/campaigns');
      await basePage.reload();
      await basePage.getByText('Spring Sale Callback').first().waitFor();
      await basePage.waitForLoadState('networkidle');
      return clickToRows(basePage, () => basePage.getByRole('menuitem', { name: 'Numbers' }).click());
    };
    // Its first visit loads the list's code, as the console's warm-up visit did: not counted.
    await baselineRun();

    const consoleRun = async () => {
      // A reload empties the console's query cache (its code stays in the HTTP cache): the rows
      // must come from the API, not from the previous visit.
      await page.goto('/campaigns');
      await page.getByText(CAMPAIGN).first().waitFor();
      await page.waitForLoadState('networkidle');
      return clickToRows(page, () => page.getByText(CAMPAIGN).first().click());
    };

    // Alternating, so that the machine's load drifts over both alike.
    const consoleTimes: number[] = [];
    const consoleResponses: number[] = [];
    const consoleRequested: number[] = [];
    const consoleCalls: number[] = [];
    const baselineRequested: number[] = [];
    const baselineCalls: number[] = [];
    const baselineTimes: number[] = [];
    const baselineResponses: number[] = [];
    for (let run = 0; run < runs; run++) {
      const app = await consoleRun();
      consoleTimes.push(app.painted);
      consoleResponses.push(app.response);
      consoleRequested.push(app.requested);
      consoleCalls.push(app.apiCalls);
      const base = await baselineRun();
      baselineTimes.push(base.painted);
      baselineResponses.push(base.response);
      baselineRequested.push(base.requested);
      baselineCalls.push(base.apiCalls);
    }
    await context.close();
    await baseContext.close();

    const consoleMs = median(consoleTimes);
    const baselineMs = median(baselineTimes);
    const figures: Figure[] = [
      {
        name: 'click campaign → 100 rows, median',
        value: round(consoleMs, 0),
        unit: 'ms',
        baseline: round(baselineMs, 0),
        baselineName: 'baseline app, click list → 100 rows',
        ratio: ratio(consoleMs, baselineMs),
        target: '≤ 1.3 × baseline',
        pass: consoleMs <= 1.3 * baselineMs,
        note: `runs ${consoleTimes.map((t) => Math.round(t)).join(', ')} ms vs ${baselineTimes.map((t) => Math.round(t)).join(', ')} ms`,
      },
      {
        name: 'click → the 100-row page fully received, median',
        value: round(median(consoleResponses), 0),
        unit: 'ms',
        baseline: round(median(baselineResponses), 0),
        baselineName: 'baseline app',
        ratio: ratio(median(consoleResponses), median(baselineResponses)),
        note: 'resource timing; the rest of the first figure is the page building and painting the rows',
      },
      {
        name: "click → the 100-row page's request sent, median",
        value: round(median(consoleRequested), 0),
        unit: 'ms',
        baseline: round(median(baselineRequested), 0),
        baselineName: 'baseline app',
        ratio: ratio(median(consoleRequested), median(baselineRequested)),
        note: `resource timing requestStart (after any wait for the page's code and for a free connection); API calls between the click and the paint: ${median(consoleCalls)} vs ${median(baselineCalls)}`,
      },
    ];
    return {
      id: 'grid',
      title: '5. Grid: campaign to 100 rows painted',
      method: [
        `A campaign of ${rows.toLocaleString('en-US')} numbers (seedNumbers, 2 variables) in a temporary file database; both apps built in this run and served by createServer (server/app.ts), one instance per build on that one database file, each calling its own origin's /v1; Chromium 1440×900, not throttled.`,
        "Console: signed in, 100 rows per page chosen once on the campaign page (the console stores it), then per run: load /campaigns afresh (code from the HTTP cache, no data cached in the page), click the campaign's row, time until the first animation frame in which 100 rows holding a number are in the page (requestAnimationFrame polling; the click time from a capture-phase listener).",
        'Baseline: bench/baseline-app (react-admin + ra-data-simple-rest, a Datagrid with perPage 100, sort createdAt DESC like the console) reading the same campaign; per run: its campaigns list loaded afresh, then its "Numbers" menu entry, timed the same way (its first visit, which loads the list\'s code, is not counted, as the console\'s warm-up visit is not).',
        `${runs} runs each, alternating console and baseline; median.`,
      ],
      figures,
    };
  } catch (error) {
    for (const context of browser.contexts())
      for (const open of context.pages())
        await open.screenshot({ path: `${resultsDir}/grid-failure.png` }).catch(() => undefined);
    throw error;
  } finally {
    await browser.close();
    await servers.stop();
  }
};
