// Memory of a page while a job runs, as the browser sees it (performance.memory does not exist in
// workers): the JS heap of every worker the page starts (CDP Runtime.getHeapUsage in the worker's
// own target, reached through auto-attach), the page's own JS heap (Performance.getMetrics), and the
// RSS of the browser's renderer processes (pids from CDP SystemInfo.getProcessInfo, /proc/<pid>/status).
import { readFileSync } from 'node:fs';
import type { Browser, CDPSession, Page } from '@playwright/test';

export interface MemoryPeaks {
  /** Highest sum of the used JS heap of the page and its workers at one sample, bytes. */
  jsHeap: number;
  workerHeap: number;
  pageHeap: number;
  /** Highest total RSS of the renderer processes, bytes, and that total when sampling began. */
  rendererRss: number;
  rendererRssAtStart: number;
  samples: number;
  workerSamples: number;
}

const rssOf = (pid: number): number => {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
};

export const watchMemory = async (browser: Browser, page: Page, intervalMs = 100) => {
  const session: CDPSession = await page.context().newCDPSession(page);
  const browserSession = await browser.newBrowserCDPSession();
  await session.send('Performance.enable');
  const workers = new Set<string>();
  const pending = new Map<number, (value: unknown) => void>();
  let nextId = 1;
  session.on('Target.attachedToTarget', (event) => {
    if (event.targetInfo.type === 'worker') workers.add(event.sessionId);
  });
  session.on('Target.detachedFromTarget', (event) => {
    if (event.sessionId) workers.delete(event.sessionId);
  });
  session.on('Target.receivedMessageFromTarget', (event) => {
    const message = JSON.parse(event.message) as { id?: number; result?: unknown };
    if (message.id !== undefined) {
      pending.get(message.id)?.(message.result);
      pending.delete(message.id);
    }
  });
  // Not flattened: messages to a worker travel inside this page session.
  await session.send('Target.setAutoAttach', {
    autoAttach: true,
    waitForDebuggerOnStart: false,
    flatten: false,
  });

  const inWorker = (sessionId: string, method: string): Promise<unknown> =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      session
        .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) })
        .catch(() => resolve(undefined));
      setTimeout(() => {
        if (pending.delete(id)) resolve(undefined);
      }, 1000);
    });

  const rendererPids = async (): Promise<number[]> => {
    const { processInfo } = (await browserSession.send('SystemInfo.getProcessInfo')) as {
      processInfo: { type: string; id: number }[];
    };
    return processInfo.filter((info) => info.type === 'renderer').map((info) => info.id);
  };
  const rss = async () => (await rendererPids()).reduce((sum, pid) => sum + rssOf(pid), 0);

  const peaks: MemoryPeaks = {
    jsHeap: 0,
    workerHeap: 0,
    pageHeap: 0,
    rendererRss: 0,
    rendererRssAtStart: await rss(),
    samples: 0,
    workerSamples: 0,
  };
  let running = true;
  const sample = async () => {
    const metrics = (await session.send('Performance.getMetrics').catch(() => ({ metrics: [] }))) as {
      metrics: { name: string; value: number }[];
    };
    const pageHeap = metrics.metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0;
    let workerHeap = 0;
    for (const sessionId of workers) {
      const usage = (await inWorker(sessionId, 'Runtime.getHeapUsage')) as { usedSize?: number } | undefined;
      if (usage?.usedSize) {
        workerHeap += usage.usedSize;
        peaks.workerSamples++;
      }
    }
    peaks.pageHeap = Math.max(peaks.pageHeap, pageHeap);
    peaks.workerHeap = Math.max(peaks.workerHeap, workerHeap);
    peaks.jsHeap = Math.max(peaks.jsHeap, pageHeap + workerHeap);
    peaks.rendererRss = Math.max(peaks.rendererRss, await rss());
    peaks.samples++;
  };
  const loop = (async () => {
    while (running) {
      await sample();
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return {
    async stop(): Promise<MemoryPeaks> {
      running = false;
      await loop;
      await session.detach().catch(() => undefined);
      await browserSession.detach().catch(() => undefined);
      return peaks;
    },
  };
};
