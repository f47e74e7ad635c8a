// Benchmark 1, download size: the bytes on the wire (Chrome's encodedDataLength, CDP) of everything
// a screen loads — document, scripts, styles, fonts, icons, API answers — as the server really sends
// it (whatever compression it applies), against the minimal react-admin app built in the same run and
// served by the same server code with the same compression. The scripts and styles gzipped locally
// are shown beside, for reference (the figure before the server compressed anything).
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { launchChromium } from './lib/browser.ts';
import { buildBaseline, buildConsole, precompressionOf } from './lib/build.ts';
import { recordWire, type WireResponse } from './lib/cdp.ts';
import { type Figure, ratio, type Section } from './lib/report.ts';
import { BENCH_TOKEN, startServerPair } from './lib/server.ts';
import { median } from './lib/stats.ts';

const GZIP_LEVEL = 9;
const CAMPAIGN = 'Spring Sale Callback';

interface Loaded {
  url: string;
  raw: number;
  gzip: number;
}

/** Records every script and stylesheet response of the page from now on, once per URL. */
const recordAssets = (page: Page) => {
  const seen = new Map<string, Promise<Loaded | null>>();
  page.on('response', (response) => {
    const type = response.request().resourceType();
    const url = response.url();
    if ((type !== 'script' && type !== 'stylesheet') || seen.has(url)) return;
    seen.set(
      url,
      response.body().then(
        (body) => ({ url, raw: body.length, gzip: gzipSync(body, { level: GZIP_LEVEL }).length }),
        () => null,
      ),
    );
  });
  return async (): Promise<Loaded[]> =>
    (await Promise.all(seen.values())).filter((item): item is Loaded => item !== null);
};

/** Counts the page's Content-Security-Policy violations (none are expected, in either app). */
export const countViolations = async (page: Page): Promise<() => Promise<number>> => {
  await page.addInitScript(() => {
    const w = window as unknown as { __violations?: number };
    w.__violations = 0;
    document.addEventListener('securitypolicyviolation', () => {
      w.__violations = (w.__violations ?? 0) + 1;
    });
  });
  return () =>
    page.evaluate(() => (window as unknown as { __violations?: number }).__violations ?? 0).catch(() => 0);
};

/**
 * The epoch time (the page's clock) of the first animation frame in which a grid row shows the
 * campaign: what was requested by then is what the page needed to be shown.
 */
const gridPaintedAt = async (page: Page): Promise<number> => {
  const handle = await page.waitForFunction(
    (name) => {
      for (const row of document.querySelectorAll('tbody tr'))
        if (row.textContent?.includes(name)) return performance.timeOrigin + performance.now();
      return false;
    },
    CAMPAIGN,
    { polling: 'raf', timeout: 60_000 },
  );
  return (await handle.jsonValue()) as number;
};

/** The epoch time of the first animation frame with the sign-in form's "Sign in" button. */
const signInPaintedAt = async (page: Page): Promise<number> => {
  const handle = await page.waitForFunction(
    () => {
      for (const button of document.querySelectorAll('button'))
        if (button.textContent?.trim() === 'Sign in') return performance.timeOrigin + performance.now();
      return false;
    },
    null,
    { polling: 'raf', timeout: 60_000 },
  );
  return (await handle.jsonValue()) as number;
};

/** Responses to requests sent by `time`, and those sent afterwards (prefetches while idle). */
const splitAt = (responses: WireResponse[], time: number): [WireResponse[], WireResponse[]] => [
  responses.filter((response) => !(response.sentAt > time)),
  responses.filter((response) => response.sentAt > time),
];

const sum = (items: Loaded[], key: 'raw' | 'gzip') => items.reduce((total, item) => total + item[key], 0);
const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
const names = (items: Loaded[]) =>
  items.map((item) => `${new URL(item.url).pathname.split('/').pop()} ${kb(item.gzip)} KB`).join(', ');
const wireSum = (items: WireResponse[]) => items.reduce((total, item) => total + item.bytes, 0);
/** "Script 120.3 KB (br ×7), Document 1.2 KB …" */
const byType = (items: WireResponse[]): string => {
  const groups = new Map<string, WireResponse[]>();
  for (const item of items) groups.set(item.type, [...(groups.get(item.type) ?? []), item]);
  return [...groups]
    .map(([type, group]) => {
      const encodings = new Map<string, number>();
      for (const item of group)
        encodings.set(item.encoding || 'none', (encodings.get(item.encoding || 'none') ?? 0) + 1);
      return `${type} ${kb(wireSum(group))} KB in ${group.length} (${[...encodings].map(([e, n]) => `${e} ×${n}`).join(', ')})`;
    })
    .join('; ');
};

export const runSize = async (runs = 3): Promise<Section> => {
  const consoleDir = await buildConsole();
  const baselineDir = await buildBaseline();
  const servers = await startServerPair(consoleDir, baselineDir);
  const browser = await launchChromium();
  try {
    /** The console: the sign-in screen, then signing in and the campaigns page. */
    const consoleVisit = async () => {
      const context = await browser.newContext({ baseURL: servers.app.url, locale: 'en-US' });
      const page = await context.newPage();
      const violations = await countViolations(page);
      const wire = await recordWire(page);
      const assets = recordAssets(page);
      await page.goto('/');
      // The first frame with the sign-in form's "Sign in" button: what was requested by then is the
      // screen; what it fetches afterwards while the operator types is counted apart.
      const formPainted = await signInPaintedAt(page);
      await page.getByLabel('API token', { exact: true }).waitFor();
      await wire.quiet();
      const [signInWire, signInPrefetched] = splitAt(wire.responses(), formPainted);
      const signIn = await assets();
      await page.getByLabel('API token', { exact: true }).fill(BENCH_TOKEN);
      await page.getByLabel('Account ID', { exact: true }).fill(servers.app.accountId);
      await page.getByRole('button', { name: 'Sign in' }).click();
      const painted = await gridPaintedAt(page);
      await page.getByRole('heading', { level: 1, name: 'Campaigns' }).first().waitFor();
      await wire.quiet();
      const [campaignsWire, prefetched] = splitAt(
        wire.responses().filter((response) => !signInPrefetched.includes(response)),
        painted,
      );
      campaignsWire.push(...signInPrefetched);
      const campaignsPage = await assets();
      const violationCount = await violations();
      await wire.detach();
      await context.close();
      return {
        signInWire,
        signInPrefetched,
        signIn,
        campaignsWire,
        prefetched,
        campaignsPage,
        violationCount,
      };
    };
    /** The baseline: a minimal react-admin app showing its one list (its first list page). */
    const baselineVisit = async () => {
      const context = await browser.newContext({ baseURL: servers.baseline.url, locale: 'en-US' });
      await context.addInitScript(
        ([token, api]) => {
          localStorage.setItem('bench.token', token);
          localStorage.setItem('bench.api', api);
        },
        [BENCH_TOKEN, `/v1/accounts/${servers.baseline.accountId}`],
      );
      const page = await context.newPage();
      const violations = await countViolations(page);
      const wire = await recordWire(page);
      const assets = recordAssets(page);
      await page.goto('/#/campaigns');
      const painted = await gridPaintedAt(page);
      await wire.quiet();
      const [listWire, prefetched] = splitAt(wire.responses(), painted);
      const list = await assets();
      const violationCount = await violations();
      await wire.detach();
      await context.close();
      return { listWire, prefetched, list, violationCount };
    };

    // The bytes hardly vary from run to run (API answers carry dates); the median is reported.
    const consoleRuns = [];
    const baselineRuns = [];
    for (let run = 0; run < runs; run++) {
      consoleRuns.push(await consoleVisit());
      baselineRuns.push(await baselineVisit());
    }
    const signInBytes = median(consoleRuns.map((run) => wireSum(run.signInWire)));
    const campaignsBytes = median(consoleRuns.map((run) => wireSum(run.campaignsWire)));
    const baselineBytes = median(baselineRuns.map((run) => wireSum(run.listWire)));
    const withPrefetch = median(
      consoleRuns.map((run) => wireSum(run.campaignsWire) + wireSum(run.prefetched)),
    );
    const baselineWithPrefetch = median(
      baselineRuns.map((run) => wireSum(run.listWire) + wireSum(run.prefetched)),
    );
    const { signIn, campaignsPage, signInWire, campaignsWire } = consoleRuns[0];
    const { list: baseline, listWire } = baselineRuns[0];
    const added = campaignsPage.filter((item) => !signIn.some((first) => first.url === item.url));

    const baselineGzip = sum(baseline, 'gzip');
    const signInGzip = sum(signIn, 'gzip');
    const totalGzip = sum(campaignsPage, 'gzip');
    const baselineName = 'minimal react-admin app, its first list page';
    const figures: Figure[] = [
      {
        name: 'sign-in screen, bytes on the wire',
        value: kb(signInBytes),
        unit: 'KB',
        baseline: kb(baselineBytes),
        baselineName,
        ratio: ratio(signInBytes, baselineBytes),
        target: '≤ 0.5 × baseline',
        pass: signInBytes <= 0.5 * baselineBytes,
        note: `${plural(signInWire.length, 'response')}, ${signInBytes.toLocaleString('en-US')} B; prefetched afterwards while the operator types: ${consoleRuns[0].signInPrefetched.length} (counted by the campaigns page)`,
      },
      {
        name: 'by the first campaigns page, bytes on the wire',
        value: kb(campaignsBytes),
        unit: 'KB',
        baseline: kb(baselineBytes),
        baselineName,
        ratio: ratio(campaignsBytes, baselineBytes),
        target: '≤ 1.0 × baseline',
        pass: campaignsBytes <= baselineBytes,
        note: `${plural(campaignsWire.length, 'response')}, ${campaignsBytes.toLocaleString('en-US')} B vs ${baselineBytes.toLocaleString('en-US')} B`,
      },
      {
        name: 'campaigns page and what it prefetches until the network is idle, bytes on the wire',
        value: kb(withPrefetch),
        unit: 'KB',
        baseline: kb(baselineWithPrefetch),
        baselineName,
        ratio: ratio(withPrefetch, baselineWithPrefetch),
        note: `prefetched after the grid painted: ${consoleRuns[0].prefetched.length} responses`,
      },
      {
        name: 'sign-in screen, JS + CSS gzipped locally (level 9)',
        value: kb(signInGzip),
        unit: 'KB',
        baseline: kb(baselineGzip),
        ratio: ratio(signInGzip, baselineGzip),
        note: plural(signIn.length, 'file'),
      },
      {
        name: 'campaigns page and its prefetch, JS + CSS gzipped locally',
        value: kb(totalGzip),
        unit: 'KB',
        baseline: kb(baselineGzip),
        ratio: ratio(totalGzip, baselineGzip),
        note: plural(campaignsPage.length, 'file'),
      },
      {
        name: 'campaigns page and its prefetch, JS + CSS uncompressed',
        value: kb(sum(campaignsPage, 'raw')),
        unit: 'KB',
        baseline: kb(sum(baseline, 'raw')),
        ratio: ratio(sum(campaignsPage, 'raw'), sum(baseline, 'raw')),
      },
    ];
    const kinds = [...precompressionOf(consoleDir)].map(
      ([kind, types]) => `${kind} for ${[...types.keys()].join(' ')}`,
    );
    return {
      id: 'size',
      title: '1. Download size: bytes on the wire',
      method: [
        "Both apps built in this run by the project's Vite (console: vite.config.ts; baseline: bench/baseline-app, react-admin 5 + ra-data-simple-rest, default layout, a campaigns Datagrid list).",
        `Both served by createServer (server/app.ts, what \`npm start\` runs), one instance per build on one database file, each app calling its own origin's /v1. Precompressed copies in the console's build: ${kinds.length ? kinds.join('; ') : 'none'}; the baseline's build is given the same kinds for the same file types (Brotli q11, gzip 9).`,
        'Bytes on the wire = the sum of Network.loadingFinished encodedDataLength (CDP) over every request of a fresh browser context with the cache disabled: document, scripts, styles, fonts, icons and API answers, as the server sent them (headers included).',
        `Console: loading / up to the first animation frame with the sign-in form (sign-in screen: every request sent by then, received in full; what it prefetches afterwards counts by the campaigns page); then signing in up to the first animation frame with a campaign row (by the first campaigns page: every request sent by then, received in full). Baseline: loading /#/campaigns up to the same frame. Requests sent after that frame (code prefetched while the operator reads the list) are counted apart, up to the network idle. Median of ${runs} visits each.`,
        `Console by the campaigns page: ${byType(campaignsWire)}.`,
        `Console sign-in screen: ${byType(signInWire)}.`,
        `Baseline: ${byType(listWire)}.`,
        `Content-Security-Policy violations seen: console ${consoleRuns[0].violationCount}, baseline ${baselineRuns[0].violationCount}.`,
        `Gzipped locally (reference): sign-in ${names(signIn)}; added by the campaigns page ${names(added)}; baseline ${names(baseline)}.`,
      ],
      figures,
    };
  } finally {
    await browser.close();
    await servers.stop();
  }
};
