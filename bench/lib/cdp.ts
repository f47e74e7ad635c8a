// What a page really gets, through the Chrome DevTools Protocol: bytes on the wire per response
// (Network.loadingFinished's encodedDataLength: headers and body as received, after any
// Content-Encoding), and the throttled network and CPU of a slow operator's machine.
import type { CDPSession, Page } from '@playwright/test';

export interface WireResponse {
  url: string;
  type: string;
  status: number;
  /** Bytes received for it (headers + body as sent, i.e. compressed if the server compressed). */
  bytes: number;
  /** The body after decoding (Network.dataReceived's dataLength, summed). */
  decodedBytes: number;
  encoding: string;
  /** When the request was sent, ms since the epoch (CDP wallTime; the page's timeOrigin + now() clock). */
  sentAt: number;
}

export interface WireRecorder {
  session: CDPSession;
  /** Every response finished so far (a snapshot). */
  responses(): WireResponse[];
  /** The sum of their bytes on the wire. */
  total(): number;
  /**
   * Resolves once no request has been in flight for `quietMs` (Playwright's 'networkidle' is a
   * state of the last navigation: after a client-side route change it has long been reached).
   */
  quiet(quietMs?: number, timeoutMs?: number): Promise<void>;
  detach(): Promise<void>;
}

/** Starts recording every request of the page (and its workers' fetches through the page) from now on. */
export const recordWire = async (page: Page, { disableCache = true } = {}): Promise<WireRecorder> => {
  const session = await page.context().newCDPSession(page);
  const pending = new Map<string, Omit<WireResponse, 'bytes'>>();
  const sent = new Map<string, number>();
  const done: WireResponse[] = [];
  const inFlight = new Set<string>();
  let lastActivity = Date.now();
  session.on('Network.requestWillBeSent', (event) => {
    if (!sent.has(event.requestId)) sent.set(event.requestId, event.wallTime * 1000);
    inFlight.add(event.requestId);
    lastActivity = Date.now();
  });
  session.on('Network.loadingFailed', (event) => {
    inFlight.delete(event.requestId);
    lastActivity = Date.now();
  });
  session.on('Network.responseReceived', (event) => {
    const headers = Object.fromEntries(
      Object.entries(event.response.headers).map(([key, value]) => [key.toLowerCase(), String(value)]),
    );
    pending.set(event.requestId, {
      url: event.response.url,
      type: event.type ?? 'Other',
      status: event.response.status,
      decodedBytes: pending.get(event.requestId)?.decodedBytes ?? 0,
      encoding: headers['content-encoding'] ?? '',
      sentAt: sent.get(event.requestId) ?? Number.NaN,
    });
  });
  session.on('Network.dataReceived', (event) => {
    const entry = pending.get(event.requestId);
    if (entry) entry.decodedBytes += event.dataLength;
  });
  session.on('Network.loadingFinished', (event) => {
    const entry = pending.get(event.requestId);
    done.push({
      ...(entry ?? {
        url: '?',
        type: 'Other',
        status: 0,
        decodedBytes: 0,
        encoding: '',
        sentAt: sent.get(event.requestId) ?? Number.NaN,
      }),
      bytes: event.encodedDataLength,
    });
    pending.delete(event.requestId);
    inFlight.delete(event.requestId);
    lastActivity = Date.now();
  });
  await session.send('Network.enable');
  // No cache: every visit is a first visit, even of a URL the page already fetched.
  if (disableCache) await session.send('Network.setCacheDisabled', { cacheDisabled: true });
  return {
    session,
    responses: () => [...done],
    total: () => done.reduce((sum, response) => sum + response.bytes, 0),
    async quiet(quietMs = 500, timeoutMs = 30_000) {
      const started = Date.now();
      while (inFlight.size > 0 || Date.now() - lastActivity < quietMs) {
        if (Date.now() - started > timeoutMs)
          throw new Error(`the network was not quiet within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    detach: () => session.detach().catch(() => undefined),
  };
};

export interface Throttling {
  /** Bits per second. */
  downloadBps: number;
  uploadBps: number;
  /** Added round trip, ms. */
  latencyMs: number;
  cpuSlowdown: number;
}

/** The slow operator: 1.6 Mbps down, 750 kbps up, 150 ms round trip, the CPU slowed 4×. */
export const SLOW_OPERATOR: Throttling = {
  downloadBps: 1_600_000,
  uploadBps: 750_000,
  latencyMs: 150,
  cpuSlowdown: 4,
};

export const describeThrottling = (t: Throttling): string =>
  `${t.downloadBps / 1e6} Mbps down, ${t.uploadBps / 1e3} kbps up, ${t.latencyMs} ms RTT (CDP Network.emulateNetworkConditions), CPU ${t.cpuSlowdown}× slower (Emulation.setCPUThrottlingRate)`;

/** Applies network and CPU throttling to the page through a CDP session of its own. */
export const throttle = async (page: Page, t: Throttling): Promise<CDPSession> => {
  const session = await page.context().newCDPSession(page);
  await session.send('Network.enable');
  await session.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: t.latencyMs,
    // CDP wants bytes per second.
    downloadThroughput: t.downloadBps / 8,
    uploadThroughput: t.uploadBps / 8,
  });
  await session.send('Emulation.setCPUThrottlingRate', { rate: t.cpuSlowdown });
  return session;
};
