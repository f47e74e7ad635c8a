// The number store's shortcuts (maintained counters, trigram search, pages read backwards, cached
// totals) must answer exactly what a plain query answers. Compared here on random cases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureAccount } from '../../server/accounts.ts';
import { createCampaignStore } from '../../server/campaigns.ts';
import { type Db, openDatabase } from '../../server/db.ts';
import { createNumberStore, type NumberStore, trigramQuery } from '../../server/numbers.ts';
import type { NumberFilter, NumberSortField } from '../../server/query.ts';
import { seedNumbers } from '../../server/seed.ts';
import { NUMBER_SORT_FIELDS } from '../../src/contract.ts';
import type { CampaignNumber } from '../../src/types.ts';

let db: Db;
let campaign: number;
let neighbour: number;

/** A small deterministic generator, so a failure can be reproduced. */
const random = (() => {
  let state = 42;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
})();
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];

const COLUMNS: Record<NumberSortField, string> = {
  id: 'id',
  number: 'number',
  status: 'status',
  attempts: 'attempts',
  ringResult: 'ring_result',
  createdAt: 'created_at',
};

/** The plain answer: no counters, no trigram index, no reversed pages. */
const naive = (filter: NumberFilter, field: NumberSortField, order: 'ASC' | 'DESC') => {
  const rows = db
    .prepare(
      `SELECT id, number, status, ring_result FROM numbers WHERE campaign_id = ? ORDER BY ${COLUMNS[field]} ${order}, id ${order}`,
    )
    .all(campaign) as { id: number; number: string; status: string; ring_result: string | null }[];
  return rows
    .filter((row) => !filter.number || row.number.includes(filter.number))
    .filter((row) => !filter.status || (filter.status as string[]).includes(row.status))
    .filter((row) => !filter.ringResult || (filter.ringResult as (string | null)[]).includes(row.ring_result))
    .filter((row) => !filter.ids || filter.ids.includes(row.id))
    .map((row) => row.id);
};

const randomFilter = (ids: number[]): NumberFilter => {
  const filter: NumberFilter = {};
  if (random() < 0.4) filter.status = [pick(['Pending', 'InProgress', 'Completed', 'Failed'] as const)];
  if (random() < 0.3)
    filter.ringResult = [pick(['Answered', 'NoAnswer', 'Busy', 'Failed', 'Machine', null] as const)];
  if (random() < 0.4) filter.number = pick(['5', '12', '555', '000', '+12', '99', '7777', '23456', '+1']);
  if (random() < 0.1) filter.ids = Array.from({ length: 40 }, () => pick(ids));
  return filter;
};

const check = (store: NumberStore, cases: number) => {
  const ids = naive({}, 'id', 'ASC');
  for (let i = 0; i < cases; i++) {
    const filter = randomFilter(ids);
    const field = pick(NUMBER_SORT_FIELDS);
    const order = pick(['ASC', 'DESC'] as const);
    const expected = naive(filter, field, order);
    const start = Math.floor(random() * (expected.length + 10));
    const end = start + Math.floor(random() * 60);
    const page = store.list(campaign, { filter, sort: { field, order }, range: { start, end } });
    const got = (JSON.parse(page.json) as CampaignNumber[]).map((row) => row.id);
    const label = JSON.stringify({ filter, field, order, start, end });
    expect(page.total, label).toBe(expected.length);
    expect(got, label).toEqual(expected.slice(start, end + 1));
    expect(page.count, label).toBe(got.length);
  }
};

const countersMatch = () => {
  const counters = db
    .prepare('SELECT campaign_id, status, ring_result, n FROM number_counts WHERE n != 0 ORDER BY 1, 2, 3')
    .all();
  const actual = db
    .prepare(
      "SELECT campaign_id, status, coalesce(ring_result, '') AS ring_result, count(*) AS n FROM numbers GROUP BY 1, 2, 3 ORDER BY 1, 2, 3",
    )
    .all();
  expect(counters).toEqual(actual);
};

beforeAll(() => {
  db = openDatabase(':memory:');
  ensureAccount(db, '1001', 'test');
  const campaigns = createCampaignStore(db);
  const make = (name: string) =>
    campaigns.insert({ accountId: '1001', name, type: 'Dynamic', status: 'Active', dialerMode: 'Power' })
      .id as number;
  campaign = make('compared');
  neighbour = make('neighbour');
  seedNumbers(db, campaign, 3000, { varCount: 1 });
  seedNumbers(db, neighbour, 2000, { varCount: 1 });
});
afterAll(() => db.close());

describe('trigramQuery', () => {
  it.each([
    ['555', '"555"'],
    ['5551234', '"555" AND "551" AND "512" AND "123" AND "234"'],
    ['5555', '"555"'],
    ['a"b"c', '"a""b" AND """b""" AND "b""c"'],
    ['+1\u{1F600}2', '"+1\u{1F600}" AND "1\u{1F600}2"'],
  ])('%s -> %s', (term, query) => {
    expect(trigramQuery(term)).toBe(query);
  });
});

describe('number store against a plain query', () => {
  it('agrees with the trigram index used for every search of 3+ characters', () => {
    check(createNumberStore(db, { trigramSelectiveHits: Number.MAX_SAFE_INTEGER }), 150);
  });

  it('agrees when every search scans the index instead', () => {
    check(createNumberStore(db, { trigramSelectiveHits: 0 }), 150);
  });

  it('keeps counters, search index and cached totals right through adds and deletes', () => {
    const store = createNumberStore(db);
    const searchTotal = () =>
      store.list(campaign, {
        filter: { number: '555' },
        sort: { field: 'id', order: 'ASC' },
        range: { start: 0, end: 0 },
      }).total;
    const before = searchTotal();
    const added = store.add(campaign, '+15555550000', ['x']);
    expect(searchTotal()).toBe(before + 1);
    store.add(neighbour, '+15555550001', []);
    const ids = naive({}, 'id', 'ASC');
    const victims = [added.id as number, ids[5], ids[17], ids[300]];
    const otherIds = db
      .prepare('SELECT id FROM numbers WHERE campaign_id = ? LIMIT 5')
      .pluck()
      .all(neighbour) as number[];
    expect(store.remove(campaign, [...victims, ...otherIds])).toEqual(victims);
    expect(searchTotal()).toBe(naive({ number: '555' }, 'id', 'ASC').length);
    const fts = db.prepare('SELECT rowid FROM numbers_fts WHERE numbers_fts MATCH ?').pluck();
    expect(fts.all('"555" AND "000"').filter((id) => id === added.id)).toEqual([]);
    countersMatch();
    check(store, 60);
  });
});
