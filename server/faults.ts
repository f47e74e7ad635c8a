// Injected failures for client fault tests: the next `count` matching /v1 requests answer an
// error status (or lose their connection) instead of reaching the API.
import type { FastifyInstance } from 'fastify';
import { API_PREFIX } from '../src/contract.ts';

export interface FaultRule {
  status: number;
  count: number;
  pathContains?: string;
  /** Only requests of this method (GET, POST, DELETE); any when absent. */
  method?: string;
  retryAfter?: number;
  dropConnection?: boolean;
}

export const createFaults = () => {
  let rules: FaultRule[] = [];
  return {
    add(rule: FaultRule): void {
      rules.push({ ...rule });
    },
    clear(): void {
      rules = [];
    },
    /** Consumes one use of the first rule that matches the method and URL. */
    take(url: string, method = 'GET'): FaultRule | undefined {
      const rule = rules.find(
        (candidate) =>
          (!candidate.pathContains || url.includes(candidate.pathContains)) &&
          (!candidate.method || candidate.method === method),
      );
      if (!rule) return undefined;
      rule.count -= 1;
      if (rule.count <= 0) rules = rules.filter((candidate) => candidate !== rule);
      return rule;
    },
  };
};

export type Faults = ReturnType<typeof createFaults>;

export const registerFaultHook = (app: FastifyInstance, faults: Faults): void => {
  app.addHook('onRequest', async (request, reply) => {
    if (request.method === 'OPTIONS' || !request.url.startsWith(`${API_PREFIX}/`)) return;
    const rule = faults.take(request.url, request.method);
    if (!rule) return;
    if (rule.dropConnection) {
      reply.hijack();
      request.raw.socket.destroy();
      return;
    }
    if (rule.retryAfter !== undefined) reply.header('Retry-After', String(rule.retryAfter));
    return reply.code(rule.status).send({ message: `Injected fault: the emulator answers ${rule.status}.` });
  });
};
