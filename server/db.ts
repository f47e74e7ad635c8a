// Opens the emulator's SQLite database and creates its schema. One better-sqlite3 connection serves
// every request; statements are synchronous, so a transaction never spans an await.
import Database from 'better-sqlite3';

export type Db = Database.Database;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS accounts (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL
);

-- Only a SHA-256 of each token is stored: the emulator can check a token but never show it again.
CREATE TABLE IF NOT EXISTS tokens (
  hash TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id),
  created_at TEXT NOT NULL,
  revoked_at TEXT
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS campaigns (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  account_id TEXT NOT NULL REFERENCES accounts(id),
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  status TEXT NOT NULL,
  dialer_mode TEXT NOT NULL,
  phone_system_id INTEGER,
  extension_id INTEGER,
  tag_ids TEXT NOT NULL DEFAULT '[]',
  start_date TEXT
);
CREATE INDEX IF NOT EXISTS campaigns_account ON campaigns(account_id);

-- AUTOINCREMENT: an id is never reused, so a stale id held by a client can never delete a newer number.
CREATE TABLE IF NOT EXISTS numbers (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  campaign_id INTEGER NOT NULL,
  number TEXT NOT NULL,
  var_values TEXT NOT NULL DEFAULT '[]',
  status TEXT NOT NULL DEFAULT 'Pending',
  attempts INTEGER NOT NULL DEFAULT 0,
  ring_result TEXT,
  created_at TEXT NOT NULL
);
-- Every index ends with the rowid (= id), which is the tiebreaker of every sort: each filter and
-- sort of a campaign walks one index in order and stops after the page.
CREATE INDEX IF NOT EXISTS numbers_campaign ON numbers(campaign_id);
CREATE INDEX IF NOT EXISTS numbers_campaign_number ON numbers(campaign_id, number);
CREATE INDEX IF NOT EXISTS numbers_campaign_status ON numbers(campaign_id, status);
CREATE INDEX IF NOT EXISTS numbers_campaign_ring ON numbers(campaign_id, ring_result);
CREATE INDEX IF NOT EXISTS numbers_campaign_created ON numbers(campaign_id, created_at);
CREATE INDEX IF NOT EXISTS numbers_campaign_attempts ON numbers(campaign_id, attempts);

-- Substring search on number: a trigram index (rowid = numbers.id). Contentless, because the text
-- lives in numbers; contentless_delete lets a delete remove its row by rowid. detail='none' keeps
-- no positions (a third of the size, a faster bulk build): a search ANDs the term's trigrams and
-- checks the candidates with instr().
CREATE VIRTUAL TABLE IF NOT EXISTS numbers_fts USING fts5(
  number, content='', contentless_delete=1, detail='none', tokenize='trigram'
);

-- Maintained in the same transactions as numbers, so a total without a search or id filter is a
-- sum over a handful of rows instead of a COUNT(*) over a million. ring_result '' stands for NULL.
CREATE TABLE IF NOT EXISTS number_counts (
  campaign_id INTEGER NOT NULL,
  status TEXT NOT NULL,
  ring_result TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (campaign_id, status, ring_result)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
`;

// Uploads stream their valid rows here, one small transaction per batch, and move them into
// numbers in one transaction at the end. A TEMP table belongs to this connection only and
// disappears with it, so a crash leaves no stale staging rows behind.
const STAGING = `
CREATE TEMP TABLE IF NOT EXISTS upload_staging (
  upload_id INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  number TEXT NOT NULL,
  var_values TEXT NOT NULL,
  PRIMARY KEY (upload_id, seq)
) WITHOUT ROWID;
`;

export const openDatabase = (path: string): Db => {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  // A million-row upload grows the WAL by hundreds of MB; give that space back after checkpoints.
  db.pragma('journal_size_limit = 67108864');
  db.pragma('foreign_keys = ON');
  // A larger page cache keeps the number indexes of a million-row campaign in memory (PERF-NOTES).
  db.pragma('cache_size = -262144');
  db.pragma('temp_store = FILE');
  db.exec(SCHEMA);
  db.exec(STAGING);
  return db;
};

export const isNewDatabase = (db: Db): boolean =>
  (db.prepare('SELECT count(*) FROM accounts').pluck().get() as number) === 0;

export const nowIso = (): string => new Date().toISOString();
