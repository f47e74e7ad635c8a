// /_emulator: unauthenticated helpers for tests and benchmarks, only when the server is started
// with `admin: true` (SIPCALLER_EMULATOR_ADMIN=1). Never enable them on a shared machine.
import type { FastifyInstance } from 'fastify';
import { CAMPAIGN_STATUSES, CAMPAIGN_TYPES, DIALER_MODES } from '../../src/types.ts';
import type { AccountStore } from '../accounts.ts';
import { revokeToken } from '../accounts.ts';
import { apiCampaign, type CampaignStore } from '../campaigns.ts';
import type { Db } from '../db.ts';
import { badRequest, notFound } from '../errors.ts';
import type { Faults } from '../faults.ts';
import { type IdCodec, type IdKind, INTEGER_IDS } from '../ids.ts';
import { parseDateTime, parseIdList } from '../query.ts';
import { seedNumbers } from '../seed.ts';

const MAX_SEEDED_NUMBERS = 5_000_000;

const objectBody = (body: unknown, allowed: readonly string[]): Record<string, unknown> => {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw badRequest('The body must be a JSON object.');
  const unknown = Object.keys(body).filter((key) => !allowed.includes(key));
  if (unknown.length)
    throw badRequest(`Unknown fields: ${unknown.join(', ')}; allowed: ${allowed.join(', ')}.`);
  return body as Record<string, unknown>;
};

const oneOf = <T extends string>(field: string, value: unknown, allowed: readonly T[], fallback?: T): T => {
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw badRequest(`"${field}" must be one of ${allowed.join(', ')}.`);
  }
  return value as T;
};

const integer = (field: string, value: unknown, min: number, max: number, fallback: number): number => {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw badRequest(`"${field}" must be an integer from ${min} to ${max}.`);
  }
  return value;
};

const optionalId = (field: string, value: unknown, kind: IdKind, ids: IdCodec): number | null =>
  value === undefined || value === null ? null : (parseIdList(field, value, kind, ids)[0] ?? null);

export const registerAdminRoutes = (
  app: FastifyInstance,
  {
    db,
    accounts,
    campaigns,
    faults,
    ids = INTEGER_IDS,
  }: { db: Db; accounts: AccountStore; campaigns: CampaignStore; faults: Faults; ids?: IdCodec },
): void => {
  app.post('/_emulator/campaigns', async (request, reply) => {
    const body = objectBody(request.body, [
      'accountId',
      'name',
      'type',
      'status',
      'dialerMode',
      'phoneSystemId',
      'extensionId',
      'tagIds',
      'startDate',
      'numbers',
      'varCount',
    ]);
    const accountId =
      typeof body.accountId === 'number' || typeof body.accountId === 'string' ? String(body.accountId) : '';
    if (!accountId) throw badRequest('"accountId" is required.');
    if (!accounts.accountExists(accountId)) throw notFound(`Account ${accountId} does not exist.`);
    if (typeof body.name !== 'string' || !body.name.trim() || body.name.length > 200) {
      throw badRequest('"name" must be a non-empty string of at most 200 characters.');
    }
    const count = integer('numbers', body.numbers, 0, MAX_SEEDED_NUMBERS, 0);
    const varCount = integer('varCount', body.varCount, 0, 20, 0);
    const campaign = campaigns.insert({
      accountId,
      name: body.name,
      type: oneOf('type', body.type, CAMPAIGN_TYPES),
      status: oneOf('status', body.status, CAMPAIGN_STATUSES),
      dialerMode: oneOf('dialerMode', body.dialerMode, DIALER_MODES, 'Power'),
      phoneSystemId: optionalId('phoneSystemId', body.phoneSystemId, 'phoneSystem', ids),
      extensionId: optionalId('extensionId', body.extensionId, 'extension', ids),
      tagIds: body.tagIds === undefined ? [] : parseIdList('tagIds', body.tagIds, 'tag', ids),
      startDate:
        body.startDate === undefined || body.startDate === null
          ? null
          : parseDateTime('startDate', body.startDate),
    });
    if (count) seedNumbers(db, campaign.id as number, count, { varCount });
    return reply.code(201).send(apiCampaign(campaign, ids));
  });

  app.post('/_emulator/revoke', async (request) => {
    const { token } = objectBody(request.body, ['token']);
    if (typeof token !== 'string' || !token) throw badRequest('"token" is required.');
    if (!revokeToken(db, token)) throw notFound('No active token matches.');
    return { revoked: true };
  });

  app.post('/_emulator/faults', async (request) => {
    const body = objectBody(request.body, [
      'status',
      'count',
      'pathContains',
      'method',
      'retryAfter',
      'dropConnection',
    ]);
    const status = integer('status', body.status, 400, 599, Number.NaN);
    if (Number.isNaN(status)) throw badRequest('"status" is required (e.g. 429, 500 or 503).');
    if (body.pathContains !== undefined && typeof body.pathContains !== 'string') {
      throw badRequest('"pathContains" must be a string.');
    }
    if (body.method !== undefined && !['GET', 'POST', 'DELETE'].includes(body.method as string)) {
      throw badRequest('"method" must be GET, POST or DELETE.');
    }
    if (body.dropConnection !== undefined && typeof body.dropConnection !== 'boolean') {
      throw badRequest('"dropConnection" must be a boolean.');
    }
    const rule = {
      status,
      count: integer('count', body.count, 1, 100_000, 1),
      pathContains: body.pathContains as string | undefined,
      method: body.method as string | undefined,
      retryAfter:
        body.retryAfter === undefined ? undefined : integer('retryAfter', body.retryAfter, 0, 86_400, 0),
      dropConnection: body.dropConnection as boolean | undefined,
    };
    faults.add(rule);
    return { ...rule, added: true };
  });

  app.post('/_emulator/faults/clear', async () => {
    faults.clear();
    return { cleared: true };
  });
};
