// Benchmark 1, download size: the gzip bytes of the scripts and styles a screen really loads, found
// by loading the built console in Chromium, against a minimal react-admin app built by the same Vite.
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { launchChromium } from './lib/browser.ts';
import { buildConsole, buildFixture } from './lib/build.ts';
import { type Figure, ratio, type Section } from './lib/report.ts';
import { BENCH_TOKEN, startBenchServer } from './lib/server.ts';

const GZIP_LEVEL = 9;

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

const sum = (items: Loaded[], key: 'raw' | 'gzip') => items.reduce((total, item) => total + item[key], 0);
const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
const names = (items: Loaded[]) =>
  items.map((item) => `${new URL(item.url).pathname.split('/').pop()} ${kb(item.gzip)} KB`).join(', ');

export const runSize = async (): Promise<Section> => {
  const consoleDir = await buildConsole();
  const baselineDir = await buildFixture('bench/baseline-app', 'baseline-dist');
  const consoleServer = await startBenchServer({ file: false, staticDir: consoleDir });
  const baselineServer = await startBenchServer({ file: false, staticDir: baselineDir });
  const browser = await launchChromium();
  try {
    // The console: the sign-in screen, then what signing in and the campaigns page add.
    const context = await browser.newContext({ baseURL: consoleServer.url, locale: 'en-US' });
    const page = await context.newPage();
    const assets = recordAssets(page);
    await page.goto('/');
    await page.getByLabel('API token', { exact: true }).waitFor();
    await page.waitForLoadState('networkidle');
    const signIn = await assets();
    await page.getByLabel('API token', { exact: true }).fill(BENCH_TOKEN);
    await page.getByLabel('Account ID', { exact: true }).fill(consoleServer.accountId);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Campaigns' }).first().waitFor();
    await page.getByText('Spring Sale Callback').first().waitFor();
    await page.waitForLoadState('networkidle');
    const campaignsPage = await assets();
    const added = campaignsPage.filter((item) => !signIn.some((first) => first.url === item.url));
    await context.close();

    // The baseline: a minimal react-admin app showing its one list.
    const baseContext = await browser.newContext({ baseURL: baselineServer.url, locale: 'en-US' });
    await baseContext.addInitScript(
      ([token, api]) => {
        localStorage.setItem('bench.token', token);
        localStorage.setItem('bench.api', api);
      },
      [BENCH_TOKEN, `/v1/accounts/${baselineServer.accountId}`],
    );
    const basePage = await baseContext.newPage();
    const baseAssets = recordAssets(basePage);
    await basePage.goto('/#/campaigns');
    await basePage.getByText('Spring Sale Callback').first().waitFor();
    await basePage.waitForLoadState('networkidle');
    const baseline = await baseAssets();
    await baseContext.close();

    const baselineGzip = sum(baseline, 'gzip');
    const signInGzip = sum(signIn, 'gzip');
    const totalGzip = sum(campaignsPage, 'gzip');
    const figures: Figure[] = [
      {
        name: 'sign-in screen (JS + CSS, gzip)',
        value: kb(signInGzip),
        unit: 'KB',
        baseline: kb(baselineGzip),
        baselineName: 'minimal react-admin app',
        ratio: ratio(signInGzip, baselineGzip),
        target: '≤ 0.5 × baseline',
        pass: signInGzip <= 0.5 * baselineGzip,
        note: plural(signIn.length, 'file'),
      },
      {
        name: 'campaigns page, total after sign-in (gzip)',
        value: kb(totalGzip),
        unit: 'KB',
        baseline: kb(baselineGzip),
        baselineName: 'minimal react-admin app',
        ratio: ratio(totalGzip, baselineGzip),
        target: '≤ 1.0 × baseline',
        pass: totalGzip <= baselineGzip,
        note: plural(campaignsPage.length, 'file'),
      },
      {
        name: 'campaigns page, added by signing in (gzip)',
        value: kb(sum(added, 'gzip')),
        unit: 'KB',
        baseline: kb(baselineGzip),
        ratio: ratio(sum(added, 'gzip'), baselineGzip),
      },
      {
        name: 'sign-in screen, uncompressed',
        value: kb(sum(signIn, 'raw')),
        unit: 'KB',
        baseline: kb(sum(baseline, 'raw')),
        ratio: ratio(sum(signIn, 'raw'), sum(baseline, 'raw')),
      },
      {
        name: 'campaigns page total, uncompressed',
        value: kb(sum(campaignsPage, 'raw')),
        unit: 'KB',
        baseline: kb(sum(baseline, 'raw')),
        ratio: ratio(sum(campaignsPage, 'raw'), sum(baseline, 'raw')),
      },
    ];
    return {
      id: 'size',
      title: '1. Download size',
      method: [
        "Both apps built in this run by the project's Vite (console: vite.config.ts; baseline: bench/baseline-app, react-admin 5 + ra-data-simple-rest, default layout, a campaigns Datagrid list, and a numbers list used by the grid bench).",
        'What a screen needs = the script and stylesheet responses Chromium received while showing it (served by the emulator, createServer({ staticDir })), each file counted once.',
        `Each file's bytes gzipped with zlib level ${GZIP_LEVEL} (console and baseline alike).`,
        `Sign-in: ${names(signIn)}.`,
        `Added by the campaigns page: ${names(added)}.`,
        `Baseline: ${names(baseline)}.`,
      ],
      figures,
    };
  } finally {
    await browser.close();
    await consoleServer.stop();
    await baselineServer.stop();
  }
};
