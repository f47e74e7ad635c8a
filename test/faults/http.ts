// A raw HTTP client over loopback (node:http, any method, any body), for the fault tests.
import { Agent, request } from 'node:http';
import type { Answer, HostileRequest } from './hostile.ts';

export const keepAlive = new Agent({ keepAlive: true, maxSockets: 16 });

/**
 * Sends one request; a socket error or a timeout rejects (the tests count those as failures).
 * A GET that fails on a reused keep-alive socket before any answer is sent once more on a new
 * connection, as HTTP clients do: the server may have closed that socket after the previous answer
 * (it does after a 431 or a 413, whose body it will not read).
 */
export const send = async (
  baseUrl: string,
  request: Pick<HostileRequest, 'method' | 'url' | 'headers' | 'body'>,
  options: { agent?: Agent | false; timeoutMs?: number } = {},
): Promise<Answer> => {
  try {
    return await sendOnce(baseUrl, request, options);
  } catch (error) {
    const idempotent = ['GET', 'HEAD', 'OPTIONS'].includes(request.method);
    if (!idempotent || !(error as { reusedSocket?: boolean }).reusedSocket) throw error;
    return sendOnce(baseUrl, request, { ...options, agent: false });
  }
};

const sendOnce = (
  baseUrl: string,
  { method, url, headers, body }: Pick<HostileRequest, 'method' | 'url' | 'headers' | 'body'>,
  { agent = keepAlive, timeoutMs = 30_000 }: { agent?: Agent | false; timeoutMs?: number } = {},
): Promise<Answer> =>
  new Promise((resolve, reject) => {
    const target = new URL(baseUrl);
    const outgoing = request(
      {
        host: target.hostname,
        port: target.port,
        method,
        path: url,
        headers: body ? { ...headers, 'content-length': String(body.length) } : headers,
        agent,
        timeout: timeoutMs,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    outgoing.on('error', (error) => reject(Object.assign(error, { reusedSocket: outgoing.reusedSocket })));
    outgoing.end(body);
  });

/** Runs `worker` over `items` with at most `concurrency` in flight. */
export const pool = async <T>(
  items: readonly T[],
  concurrency: number,
  worker: (item: T) => Promise<void>,
) => {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await worker(items[next++]);
    }),
  );
};

/**
 * Creates a Dynamic, Active campaign of the demo account (1001) with `numbers` generated numbers,
 * through the emulator's admin endpoint; answers its id (a 201 is required).
 */
export const createFaultCampaign = async (
  baseUrl: string,
  campaign: { name: string; numbers: number; varCount: number },
  options: { agent?: Agent | false } = {},
): Promise<number> => {
  const created = await send(
    baseUrl,
    {
      method: 'POST',
      url: '/_emulator/campaigns',
      headers: { 'content-type': 'application/json' },
      body: Buffer.from(
        JSON.stringify({ accountId: '1001', type: 'Dynamic', status: 'Active', ...campaign }),
      ),
    },
    options,
  );
  if (created.status !== 201)
    throw new Error(`creating a campaign answered ${created.status}: ${created.body}`);
  return (JSON.parse(created.body) as { id: number }).id;
};
