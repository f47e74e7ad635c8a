// Campaign numbers: the list query (fast at a million rows per campaign), single adds, bulk appends
// and deletes. Counters in number_counts and the trigram index numbers_fts are kept in step with
// numbers inside the same transactions.
import type { CampaignNumber } from '../src/types.ts';
import type { Db } from './db.ts';
import { type IdCodec, INTEGER_IDS } from './ids.ts';
import type { ListParams, NumberFilter, NumberSortField } from './query.ts';

export interface NumberPage {
  /** The page as a JSON array, built by SQLite (no per-row objects in JS). */
  json: string;
  count: number;
  total: number;
}

/** The SQL function that writes a rowid as the API's opaque id (registered in the opaque style). */
const OPAQUE_ID_FUNCTION = 'sipcaller_number_api_id';

/** The record as the API answers it, built by SQLite; `idSql` writes the id (the rowid, or an opaque id). */
const recordJson = (alias: string, idSql = (column: string) => column): string =>
  `json_object('id', ${idSql(`${alias}id`)}, 'number', ${alias}number, 'varValues', json(${alias}var_values), 'status', ${alias}status, 'attempts', ${alias}attempts, 'ringResult', ${alias}ring_result, 'createdAt', ${alias}created_at)`;

const SORT_COLUMNS: Record<NumberSortField, string> = {
  id: 'n.id',
  number: 'n.number',
  status: 'n.status',
  attempts: 'n.attempts',
  ringResult: 'n.ring_result',
  createdAt: 'n.created_at',
};

/** A trigram index answers substrings of 3+ characters; shorter ones scan the campaign's index. */
const TRIGRAM_MIN_LENGTH = 3;
/**
 * Above this many trigram hits (over all campaigns) the hits are not selective: walking the
 * campaign's (campaign_id, number) index in sort order finds a page sooner than sorting the hits.
 */
export const TRIGRAM_SELECTIVE_HITS = 20_000;
const COUNT_CACHE_SIZE = 256;
const PLAIN_FROM = 'numbers n';

const placeholders = (count: number): string => Array.from({ length: count }, () => '?').join(', ');

/** An FTS5 string: the text is quoted, so no character in it is query syntax. */
export const ftsString = (text: string): string => `"${text.replaceAll('"', '""')}"`;

/**
 * The FTS5 query for rows that hold every trigram of the term (by code point): a superset of the
 * rows that hold the term itself, which instr() then checks (the index keeps no positions).
 */
export const trigramQuery = (term: string): string => {
  const chars = Array.from(term);
  const grams = new Set<string>();
  for (let index = 0; index + TRIGRAM_MIN_LENGTH <= chars.length; index++) {
    grams.add(chars.slice(index, index + TRIGRAM_MIN_LENGTH).join(''));
  }
  return [...grams].map(ftsString).join(' AND ');
};

/**
 * After rows with ids above `afterId` were appended to numbers (bulk insert or upload), index them
 * for search and add them to the counters. Call inside the transaction that appended them.
 */
export const indexNumbersAfter = (db: Db, afterId: number): void => {
  db.prepare('INSERT INTO numbers_fts (rowid, number) SELECT id, number FROM numbers WHERE id > ?').run(
    afterId,
  );
  db.prepare(
    `INSERT INTO number_counts (campaign_id, status, ring_result, n)
     SELECT campaign_id, status, coalesce(ring_result, ''), count(*) FROM numbers WHERE id > ? GROUP BY 1, 2, 3
     ON CONFLICT (campaign_id, status, ring_result) DO UPDATE SET n = n + excluded.n`,
  ).run(afterId);
};

/**
 * The meta key of a counter bumped whenever numbers of the campaign change status in place (the
 * simulated dialer): part of the cached totals' version, since such a change keeps the size.
 */
export const statusVersionKey = (campaignId: number): string => `numbers_status_version:${campaignId}`;

/** The highest id ever given to a number (AUTOINCREMENT never goes back). */
export const lastNumberId = (db: Db): number =>
  db
    .prepare(`SELECT coalesce(max(seq), 0) FROM sqlite_sequence WHERE name = 'numbers'`)
    .pluck()
    .get() as number;

export interface NumberStoreOptions {
  trigramSelectiveHits?: number;
  /** How ids are written and read at the API boundary (server/ids.ts); rowids inside. */
  ids?: IdCodec;
}

/**
 * The numbers of campaigns, by rowid. Records come out as the API answers them (their `id` in the
 * codec's style); `remove` takes and answers rowids, which the route maps.
 */
export const createNumberStore = (
  db: Db,
  { trigramSelectiveHits = TRIGRAM_SELECTIVE_HITS, ids = INTEGER_IDS }: NumberStoreOptions = {},
) => {
  let idSql: ((column: string) => string) | undefined;
  if (ids.style === 'opaque') {
    db.function(OPAQUE_ID_FUNCTION, { deterministic: true }, (rowid: unknown) =>
      ids.toApi('number', Number(rowid)),
    );
    idSql = (column) => `${OPAQUE_ID_FUNCTION}(${column})`;
  }

  const statements = new Map<string, ReturnType<Db['prepare']>>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };

  // Counts that need a scan (a search or an id filter) are cached until the campaign changes.
  // The version is read from the data itself (its size, the last id given out and its status
  // version), so it also notices rows another process (the seed CLI) added to the same file.
  const countCache = new Map<string, { version: string; total: number }>();
  const campaignTotal = db
    .prepare('SELECT coalesce(sum(n), 0) FROM number_counts WHERE campaign_id = ?')
    .pluck();
  const lastId = db
    .prepare(`SELECT coalesce(max(seq), 0) FROM sqlite_sequence WHERE name = 'numbers'`)
    .pluck();
  const statusVersion = db.prepare(`SELECT coalesce(max(value), '0') FROM meta WHERE key = ?`).pluck();
  const version = (campaignId: number): string =>
    `${campaignTotal.get(campaignId)}:${lastId.get()}:${statusVersion.get(statusVersionKey(campaignId))}`;
  const cachedCount = (campaignId: number, sql: string, values: unknown[]): number => {
    const key = `${sql}\u0000${JSON.stringify(values)}`;
    const current = version(campaignId);
    const hit = countCache.get(key);
    if (hit && hit.version === current) return hit.total;
    const total = prepared(sql)
      .pluck()
      .get(...values) as number;
    countCache.delete(key);
    countCache.set(key, { version: current, total });
    if (countCache.size > COUNT_CACHE_SIZE) countCache.delete(countCache.keys().next().value as string);
    return total;
  };

  const trigramHits = db
    .prepare('SELECT count(*) FROM (SELECT rowid FROM numbers_fts WHERE numbers_fts MATCH ? LIMIT ?)')
    .pluck();

  const insertOne = db.prepare(
    `INSERT INTO numbers (campaign_id, number, var_values, status, attempts, ring_result, created_at)
     VALUES (?, ?, ?, 'Pending', 0, NULL, ?) RETURNING id, ${recordJson('', idSql)} AS record`,
  );
  const ftsInsert = db.prepare('INSERT INTO numbers_fts (rowid, number) VALUES (?, ?)');
  const ftsDelete = db.prepare('DELETE FROM numbers_fts WHERE rowid = ?');
  const countAdd = db.prepare(
    `INSERT INTO number_counts (campaign_id, status, ring_result, n) VALUES (?, ?, ?, ?)
     ON CONFLICT (campaign_id, status, ring_result) DO UPDATE SET n = n + excluded.n`,
  );
  const deleteMany = db.prepare(
    `DELETE FROM numbers WHERE campaign_id = ? AND id IN (SELECT value FROM json_each(?))
     RETURNING id, status, coalesce(ring_result, '') AS ring`,
  );

  const list = (
    campaignId: number,
    { filter, sort, range }: ListParams<NumberFilter, NumberSortField>,
  ): NumberPage => {
    let from = PLAIN_FROM;
    const fromValues: unknown[] = [];
    const where = ['n.campaign_id = ?'];
    const values: unknown[] = [campaignId];
    // Totals without a search or id filter come from the counters.
    const countWhere = ['campaign_id = ?'];
    const countValues: unknown[] = [campaignId];
    let countable = true;

    if (filter.ids) {
      where.push('n.id IN (SELECT value FROM json_each(?))');
      values.push(JSON.stringify(filter.ids));
      countable = false;
    }
    if (filter.status) {
      const fragment = filter.status.length ? `status IN (${placeholders(filter.status.length)})` : '0';
      where.push(`n.${fragment}`);
      countWhere.push(fragment);
      values.push(...filter.status);
      countValues.push(...filter.status);
    }
    if (filter.ringResult) {
      const named = filter.ringResult.filter((value) => value !== null);
      const withNull = named.length < filter.ringResult.length;
      const parts = named.length ? [`n.ring_result IN (${placeholders(named.length)})`] : [];
      if (withNull) parts.push('n.ring_result IS NULL');
      where.push(parts.length ? `(${parts.join(' OR ')})` : '0');
      values.push(...named);
      const countRings = withNull ? [...named, ''] : named;
      countWhere.push(countRings.length ? `ring_result IN (${placeholders(countRings.length)})` : '0');
      countValues.push(...countRings);
    }
    const term = filter.number;
    if (term) {
      countable = false;
      // FTS5 ends a query string at a NUL ("unterminated string"): such a term takes the scan path.
      const query =
        Array.from(term).length >= TRIGRAM_MIN_LENGTH && !term.includes('\u0000') ? trigramQuery(term) : null;
      if (query && (trigramHits.get(query, trigramSelectiveHits + 1) as number) <= trigramSelectiveHits) {
        // CROSS JOIN fixes the join order: the few candidates first, then their rows by id.
        from =
          '(SELECT rowid AS id FROM numbers_fts WHERE numbers_fts MATCH ?) AS hits CROSS JOIN numbers n ON n.id = hits.id';
        fromValues.push(query);
      }
      where.push('instr(n.number, ?) > 0');
      values.push(term);
    }

    const whereSql = where.join(' AND ');
    const total = countable
      ? (prepared(`SELECT coalesce(sum(n), 0) FROM number_counts WHERE ${countWhere.join(' AND ')}`)
          .pluck()
          .get(...countValues) as number)
      : cachedCount(campaignId, `SELECT count(*) FROM ${from} WHERE ${whereSql}`, [...fromValues, ...values]);

    const count = Math.max(0, Math.min(range.end, total - 1) - range.start + 1);
    if (count === 0) return { json: '[]', count: 0, total };

    // OFFSET walks the index from its start: a page past the middle is read from the other end
    // in the reverse order instead, so the walk is never longer than half the rows.
    const reversed = range.start > total / 2;
    const forward = sort.order === 'DESC' ? 'DESC' : 'ASC';
    const direction = reversed ? (forward === 'ASC' ? 'DESC' : 'ASC') : forward;
    const offset = reversed ? total - range.start - count : range.start;
    // Sorting the hits costs about `total` row reads; walking the sort index and checking each row
    // costs about (offset + count) * campaign size / total. Many hits near the front: walk.
    const walk =
      from !== PLAIN_FROM && total * total > (offset + count) * (campaignTotal.get(campaignId) as number);
    const pageFrom = walk ? PLAIN_FROM : from;
    const pageValues = walk ? values : [...fromValues, ...values];
    const rows = prepared(
      `SELECT ${recordJson('n.', idSql)} FROM ${pageFrom} WHERE ${whereSql}
       ORDER BY ${SORT_COLUMNS[sort.field]} ${direction}, n.id ${direction} LIMIT ? OFFSET ?`,
    )
      .pluck()
      .all(...pageValues, count, offset) as string[];
    if (reversed) rows.reverse();
    return { json: `[${rows.join(',')}]`, count: rows.length, total };
  };

  const add = db.transaction((campaignId: number, number: string, varValues: string[]): CampaignNumber => {
    const row = insertOne.get(campaignId, number, JSON.stringify(varValues), new Date().toISOString()) as {
      id: number;
      record: string;
    };
    const record = JSON.parse(row.record) as CampaignNumber;
    ftsInsert.run(row.id, number);
    countAdd.run(campaignId, 'Pending', '', 1);
    return record;
  });

  /** Deletes the given ids of this campaign only; answers the ids actually deleted, in request order. */
  const remove = db.transaction((campaignId: number, ids: number[]): number[] => {
    const rows = deleteMany.all(campaignId, JSON.stringify(ids)) as {
      id: number;
      status: string;
      ring: string;
    }[];
    const groups = new Map<string, { status: string; ring: string; n: number }>();
    for (const row of rows) {
      ftsDelete.run(row.id);
      const key = `${row.status}\u0000${row.ring}`;
      const group = groups.get(key) ?? { status: row.status, ring: row.ring, n: 0 };
      group.n += 1;
      groups.set(key, group);
    }
    for (const group of groups.values()) countAdd.run(campaignId, group.status, group.ring, -group.n);
    const deleted = new Set(rows.map((row) => row.id));
    return [...new Set(ids)].filter((id) => deleted.has(id));
  });

  return { list, add, remove, total: (campaignId: number) => campaignTotal.get(campaignId) as number };
};

export type NumberStore = ReturnType<typeof createNumberStore>;
