// Campaign records: storage, and the list query built from whitelisted fragments only.
import type { Campaign, CampaignStatus, CampaignType, DialerMode } from '../src/types.ts';
import type { Db } from './db.ts';
import type { IdCodec } from './ids.ts';
import type { CampaignFilter, CampaignSortField, ListParams } from './query.ts';

interface CampaignRow {
  id: number;
  account_id: string;
  name: string;
  type: CampaignType;
  status: CampaignStatus;
  dialer_mode: DialerMode;
  phone_system_id: number | null;
  extension_id: number | null;
  tag_ids: string;
  start_date: string | null;
}

export interface NewCampaign {
  accountId: string;
  name: string;
  type: CampaignType;
  status: CampaignStatus;
  dialerMode: DialerMode;
  phoneSystemId?: number | null;
  extensionId?: number | null;
  tagIds?: number[];
  startDate?: string | null;
}

const toCampaign = (row: CampaignRow): Campaign => ({
  id: row.id,
  name: row.name,
  type: row.type,
  status: row.status,
  dialer: { mode: row.dialer_mode },
  phoneSystemId: row.phone_system_id,
  extensionId: row.extension_id,
  tagIds: JSON.parse(row.tag_ids) as number[],
  startDate: row.start_date,
});

/**
 * A stored campaign (rowids) as the API answers it: its id, phone system, extension and tags in the
 * codec's style. The store keeps rowids; routes map at the boundary.
 */
export const apiCampaign = (campaign: Campaign, ids: IdCodec): Campaign =>
  ids.style === 'integer'
    ? campaign
    : {
        ...campaign,
        id: ids.toApi('campaign', campaign.id as number),
        phoneSystemId: ids.toApi('phoneSystem', campaign.phoneSystemId as number | null),
        extensionId: ids.toApi('extension', campaign.extensionId as number | null),
        tagIds: campaign.tagIds.map((tag) => ids.toApi('tag', tag as number)),
      };

const SORT_COLUMNS: Record<CampaignSortField, string> = {
  id: 'id',
  name: 'name COLLATE NOCASE',
  type: 'type',
  status: 'status',
  'dialer.mode': 'dialer_mode',
  phoneSystemId: 'phone_system_id',
  extensionId: 'extension_id',
  startDate: 'start_date',
};

const placeholders = (count: number): string => Array.from({ length: count }, () => '?').join(', ');

export const createCampaignStore = (db: Db) => {
  const insert = db.prepare(
    `INSERT INTO campaigns (account_id, name, type, status, dialer_mode, phone_system_id, extension_id, tag_ids, start_date)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
  );
  const byId = db.prepare('SELECT * FROM campaigns WHERE account_id = ? AND id = ?');

  return {
    insert(campaign: NewCampaign): Campaign {
      const row = insert.get(
        campaign.accountId,
        campaign.name,
        campaign.type,
        campaign.status,
        campaign.dialerMode,
        campaign.phoneSystemId ?? null,
        campaign.extensionId ?? null,
        JSON.stringify(campaign.tagIds ?? []),
        campaign.startDate ?? null,
      ) as CampaignRow;
      return toCampaign(row);
    },

    get(accountId: string, id: number): Campaign | undefined {
      const row = byId.get(accountId, id) as CampaignRow | undefined;
      return row && toCampaign(row);
    },

    /** Campaigns per account are few (hundreds), so this plain query is fast without counters. */
    list(
      accountId: string,
      { filter, sort, range }: ListParams<CampaignFilter, CampaignSortField>,
    ): { rows: Campaign[]; total: number } {
      const where = ['account_id = ?'];
      const values: unknown[] = [accountId];
      const anyOf = (column: string, list: readonly unknown[] | undefined) => {
        if (!list) return;
        where.push(list.length ? `${column} IN (${placeholders(list.length)})` : '0');
        values.push(...list);
      };
      anyOf('id', filter.ids);
      anyOf('phone_system_id', filter.phoneSystemId);
      anyOf('extension_id', filter.extensionId);
      anyOf('dialer_mode', filter.dialerMode);
      anyOf('status', filter.status);
      anyOf('type', filter.type);
      if (filter.name) {
        where.push('instr(lower(name), lower(?)) > 0');
        values.push(filter.name);
      }
      if (filter.tagIds) {
        where.push(
          'EXISTS (SELECT 1 FROM json_each(tag_ids) t WHERE t.value IN (SELECT value FROM json_each(?)))',
        );
        values.push(JSON.stringify(filter.tagIds));
      }
      if (filter.startDateGte) {
        where.push('start_date >= ?');
        values.push(filter.startDateGte);
      }
      const whereSql = where.join(' AND ');
      const order = sort.order === 'DESC' ? 'DESC' : 'ASC';
      const total = db
        .prepare(`SELECT count(*) FROM campaigns WHERE ${whereSql}`)
        .pluck()
        .get(...values) as number;
      const rows = db
        .prepare(
          `SELECT * FROM campaigns WHERE ${whereSql} ORDER BY ${SORT_COLUMNS[sort.field]} ${order}, id ${order} LIMIT ? OFFSET ?`,
        )
        .all(...values, range.end - range.start + 1, range.start) as CampaignRow[];
      return { rows: rows.map(toCampaign), total };
    },
  };
};

export type CampaignStore = ReturnType<typeof createCampaignStore>;
