// The campaigns the hostile requests aim at, read from a freshly seeded emulator database, and the
// invariants that must still hold after them.
import type { Db } from '../../server/db.ts';
import type { Targets } from './hostile.ts';

const campaignNamed = (db: Db, accountId: string, name: string): number => {
  const id = db
    .prepare('SELECT id FROM campaigns WHERE account_id = ? AND name = ?')
    .pluck()
    .get(accountId, name) as number | undefined;
  if (id === undefined) throw new Error(`no seeded campaign "${name}" in account ${accountId}`);
  return id;
};

export const seededTargets = (
  db: Db,
  demo: { accountId: string; token: string; otherAccountId: string; otherToken: string },
  uploadLimitBytes: number,
): Targets => ({
  ...demo,
  campaignId: campaignNamed(db, demo.accountId, 'Spring Sale Callback'),
  staticCampaignId: campaignNamed(db, demo.accountId, 'Quarterly Survey'),
  otherCampaignId: campaignNamed(db, demo.otherAccountId, 'Other Account Outreach'),
  uploadLimitBytes,
});

/** A fingerprint of every campaign's numbers: counts and the id sum per campaign. */
export const numbersFingerprint = (db: Db, campaignId: number): string =>
  JSON.stringify(
    db
      .prepare('SELECT count(*) AS n, coalesce(sum(id), 0) AS ids FROM numbers WHERE campaign_id = ?')
      .get(campaignId),
  );

/** The maintained counters agree with the rows (they are updated in the same transactions). */
export const countersMismatch = (db: Db): { campaign_id: number; rows: number; counted: number }[] =>
  db
    .prepare(
      `SELECT c.campaign_id, coalesce(r.n, 0) AS rows, c.n AS counted
       FROM (SELECT campaign_id, sum(n) AS n FROM number_counts GROUP BY campaign_id) c
       LEFT JOIN (SELECT campaign_id, count(*) AS n FROM numbers GROUP BY campaign_id) r USING (campaign_id)
       WHERE coalesce(r.n, 0) <> c.n`,
    )
    .all() as { campaign_id: number; rows: number; counted: number }[];
