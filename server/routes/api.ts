// The emulated SIP Caller REST API under /v1: the six calls of the vendor's page.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  CONTENT_RANGE_HEADER,
  canChangeNumbers,
  formatContentRange,
  JSON_BODY_LIMIT_BYTES,
  MAX_DELETE_IDS,
  MAX_VAR_VALUE_LENGTH,
  MAX_VAR_VALUES,
  NUMBER_PATTERN,
} from '../../src/contract.ts';
import type { Campaign } from '../../src/types.ts';
import type { AccountStore } from '../accounts.ts';
import { apiCampaign, type CampaignStore } from '../campaigns.ts';
import { ApiError, badRequest, conflict, notFound } from '../errors.ts';
import { type IdCodec, INTEGER_IDS } from '../ids.ts';
import type { NumberStore } from '../numbers.ts';
import { parseCampaignListParams, parseIdList, parseNumberListParams, type RawParams } from '../query.ts';
import { isAcceptableCsvMediaType, parseUploadOptions, type Uploader } from '../upload.ts';

export interface ApiServices {
  accounts: AccountStore;
  campaigns: CampaignStore;
  numbers: NumberStore;
  uploader: Uploader;
  uploadLimitBytes: number;
  /** How ids look at the API boundary (server/ids.ts); the stores work on rowids. Default: integers. */
  ids?: IdCodec;
}

interface AccountParams {
  accountId: string;
}
interface CampaignParams extends AccountParams {
  campaignId: string;
}

const unauthorized = (message: string) =>
  new ApiError(401, message, { 'WWW-Authenticate': 'Bearer realm="SIP Caller API"' });

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

const readBody = async (request: FastifyRequest, limit: number): Promise<string> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request.raw as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new ApiError(413, `The request body is larger than ${limit} bytes.`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
};

/**
 * List parameters come from the query string and, for `curl --request GET --data-urlencode …` as
 * the vendor's page writes it, from a form-encoded GET body. A parameter given in both places is
 * reported as given twice rather than silently picking one.
 */
export const listParams = async (request: FastifyRequest): Promise<RawParams> => {
  const params: RawParams = { ...(request.query as RawParams) };
  const type = request.headers['content-type']?.split(';')[0].trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded') {
    const form = new URLSearchParams(await readBody(request, JSON_BODY_LIMIT_BYTES));
    for (const [key, value] of form) {
      const existing = params[key];
      params[key] =
        existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
    }
  }
  return params;
};

const sendList = (
  reply: FastifyReply,
  resource: string,
  start: number,
  count: number,
  total: number,
  json: string,
) =>
  reply
    .header(CONTENT_RANGE_HEADER, formatContentRange(resource, start, count, total))
    .type('application/json; charset=utf-8')
    .send(json);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const parseNewNumber = (body: unknown): { number: string; varValues: string[] } => {
  if (!isPlainObject(body))
    throw badRequest('The body must be a JSON object such as {"number": "+18005551234"}.');
  const unknown = Object.keys(body).filter((key) => key !== 'number' && key !== 'varValues');
  if (unknown.length) {
    throw badRequest(`Unknown field${unknown.length > 1 ? 's' : ''}: ${unknown.slice(0, 5).join(', ')}.`);
  }
  const { number, varValues = [] } = body;
  if (typeof number !== 'string') throw badRequest('"number" is required and must be a string.');
  if (!NUMBER_PATTERN.test(number)) {
    throw badRequest(
      `"${number.slice(0, 40)}" is not a valid number (expected "+" and 8 to 15 digits, or 5 to 15 digits).`,
    );
  }
  if (!Array.isArray(varValues) || !varValues.every((value) => typeof value === 'string')) {
    throw badRequest('"varValues" must be an array of strings.');
  }
  if (varValues.length > MAX_VAR_VALUES)
    throw badRequest(`"varValues" may hold at most ${MAX_VAR_VALUES} values.`);
  if (varValues.some((value) => value.length > MAX_VAR_VALUE_LENGTH)) {
    throw badRequest(`Each variable value may be at most ${MAX_VAR_VALUE_LENGTH} characters long.`);
  }
  return { number, varValues };
};

/** The rowids a DELETE body names (ids of another style, or unknown, name none). */
export const parseDeleteIds = (body: unknown, ids: IdCodec = INTEGER_IDS): number[] => {
  if (!Array.isArray(body)) {
    throw badRequest(
      ids.style === 'integer'
        ? 'The body must be a JSON array of number ids, e.g. [101, 102].'
        : 'The body must be a JSON array of number ids, e.g. ["5f8d0d55b54764421b7156c9"].',
    );
  }
  if (body.length > MAX_DELETE_IDS)
    throw badRequest(`At most ${MAX_DELETE_IDS} ids can be deleted per request.`);
  return parseIdList('ids', body, 'number', ids);
};

const UPLOAD_OPTION_NAMES = ['firstRowIsHeader', 'varCount'] as const;

export const registerApiRoutes = (app: FastifyInstance, services: ApiServices): void => {
  const { accounts, campaigns, numbers, uploader, uploadLimitBytes, ids = INTEGER_IDS } = services;

  /** 401 for a missing, unknown or revoked token; 404 for an unknown account; 403 for another's. */
  const authorize = (request: FastifyRequest<{ Params: AccountParams }>): string => {
    const header = request.headers.authorization;
    if (!header) throw unauthorized('Missing "Authorization: Bearer <API token>" header.');
    const match = BEARER.exec(header);
    if (!match) throw unauthorized('The Authorization header must be "Bearer <API token>".');
    const tokenAccount = accounts.accountForToken(match[1]);
    if (!tokenAccount) throw unauthorized('The API token is not valid, has expired or was revoked.');
    const { accountId } = request.params;
    if (!accounts.accountExists(accountId))
      throw notFound(`Account ${accountId.slice(0, 40)} does not exist.`);
    if (tokenAccount !== accountId)
      throw new ApiError(403, 'This API token does not give access to this account.');
    return accountId;
  };

  const campaignOf = (request: FastifyRequest<{ Params: CampaignParams }>): Campaign => {
    const accountId = authorize(request);
    const { campaignId } = request.params;
    const id =
      ids.style === 'integer' && !/^\d{1,15}$/.test(campaignId) ? null : ids.fromApi('campaign', campaignId);
    const campaign = id === null ? undefined : campaigns.get(accountId, id);
    if (!campaign) throw notFound(`Campaign ${campaignId.slice(0, 40)} does not exist in this account.`);
    return campaign;
  };

  const changeable = (campaign: Campaign, action: string): void => {
    if (!canChangeNumbers(campaign)) {
      throw conflict(
        `Numbers can be ${action} only in a Dynamic campaign that is Active; "${campaign.name}" is a ${campaign.type} campaign that is ${campaign.status}.`,
      );
    }
  };

  app.get<{ Params: AccountParams }>('/v1/accounts/:accountId/campaigns', async (request, reply) => {
    const accountId = authorize(request);
    const params = parseCampaignListParams(await listParams(request), ids);
    const { rows, total } = campaigns.list(accountId, params);
    const json = JSON.stringify(rows.map((row) => apiCampaign(row, ids)));
    return sendList(reply, 'campaigns', params.range.start, rows.length, total, json);
  });

  const numbersPath = '/v1/accounts/:accountId/campaigns/:campaignId/numbers';

  app.get<{ Params: CampaignParams }>(numbersPath, async (request, reply) => {
    const campaign = campaignOf(request);
    const params = parseNumberListParams(await listParams(request), ids);
    const page = numbers.list(campaign.id as number, params);
    return sendList(reply, 'numbers', params.range.start, page.count, page.total, page.json);
  });

  app.post<{ Params: CampaignParams }>(numbersPath, async (request, reply) => {
    const campaign = campaignOf(request);
    const { number, varValues } = parseNewNumber(request.body);
    changeable(campaign, 'added');
    return reply.code(201).send(numbers.add(campaign.id as number, number, varValues));
  });

  app.delete<{ Params: CampaignParams }>(numbersPath, async (request) => {
    const campaign = campaignOf(request);
    const rowids = parseDeleteIds(request.body, ids);
    changeable(campaign, 'deleted');
    return numbers.remove(campaign.id as number, rowids).map((rowid) => ids.toApi('number', rowid));
  });

  app.post<{ Params: CampaignParams }>(`${numbersPath}/upload`, async (request) => {
    const campaign = campaignOf(request);
    const query = request.query as RawParams;
    parseUploadOptions(query); // refuse bad options before reading any of the file
    changeable(campaign, 'uploaded');
    if (!request.isMultipart()) {
      throw new ApiError(415, 'Send the CSV as multipart/form-data, in a field named "file".');
    }
    const declared = Number(request.headers['content-length']);
    const limitMessage = `The file is larger than the upload limit of ${formatBytes(uploadLimitBytes)}.`;
    // A multipart envelope adds a few hundred bytes around the file itself.
    if (declared > uploadLimitBytes + 64 * 1024) throw new ApiError(413, limitMessage);
    const part = await request
      .file({ limits: { fileSize: uploadLimitBytes, files: 1, fields: 20, parts: 40 } })
      .catch((error: { statusCode?: number; message?: string }) => {
        // busboy's own complaints (no boundary, a broken part header) carry no status: bad input.
        if (error.statusCode) throw error;
        throw badRequest(`The multipart body is malformed: ${error.message ?? 'unreadable'}.`);
      });
    if (!part) throw badRequest('The request holds no file: send the CSV in a form field named "file".');
    if (part.fieldname !== 'file') {
      part.file.resume();
      throw badRequest(
        `The CSV must be sent in a form field named "file", not "${part.fieldname.slice(0, 40)}".`,
      );
    }
    if (!isAcceptableCsvMediaType(part.mimetype)) {
      part.file.resume();
      throw new ApiError(400, `The file is not a CSV text file (its type is ${part.mimetype.slice(0, 60)}).`);
    }
    // The documented place for the options is the query string; form fields sent before the file
    // are accepted too, for clients that put them there.
    const fromForm: RawParams = {};
    for (const name of UPLOAD_OPTION_NAMES) {
      const field = part.fields[name];
      if (query[name] === undefined && field && !Array.isArray(field) && field.type === 'field') {
        fromForm[name] = String(field.value);
      }
    }
    let options: ReturnType<typeof parseUploadOptions>;
    try {
      options = parseUploadOptions({ ...fromForm, ...query });
    } catch (error) {
      part.file.resume();
      throw error;
    }
    try {
      return await uploader.upload(campaign.id as number, part.file, options, () => {
        // busboy ends a file at the size limit (marking it truncated) rather than failing it.
        if (part.file.truncated) throw new ApiError(413, limitMessage);
        if (request.raw.socket?.destroyed)
          throw badRequest('The client went away before the upload finished.');
        const current = campaigns.get(request.params.accountId, campaign.id as number);
        if (!current) throw notFound('The campaign was deleted during the upload.');
        changeable(current, 'uploaded');
      });
    } catch (error) {
      if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
        throw new ApiError(413, limitMessage);
      throw error;
    }
  });
};

export const formatBytes = (bytes: number): string =>
  bytes >= 1024 * 1024
    ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`
    : `${Math.ceil(bytes / 1024)} KB`;
