// Accounts and their API tokens. Tokens are stored as SHA-256 hashes only.
import { createHash, randomBytes } from 'node:crypto';
import { type Db, nowIso } from './db.ts';

export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

export const generateToken = (): string => `sc_${randomBytes(24).toString('base64url')}`;

export const ensureAccount = (db: Db, id: string, name: string): void => {
  db.prepare('INSERT INTO accounts (id, name, created_at) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING').run(
    id,
    name,
    nowIso(),
  );
};

/** Registers a token for an account; a token already known keeps working (and is un-revoked). */
export const addToken = (db: Db, accountId: string, token: string): void => {
  db.prepare(
    `INSERT INTO tokens (hash, account_id, created_at) VALUES (?, ?, ?)
     ON CONFLICT (hash) DO UPDATE SET account_id = excluded.account_id, revoked_at = NULL`,
  ).run(hashToken(token), accountId, nowIso());
};

export const revokeToken = (db: Db, token: string): boolean =>
  db
    .prepare('UPDATE tokens SET revoked_at = ? WHERE hash = ? AND revoked_at IS NULL')
    .run(nowIso(), hashToken(token)).changes > 0;

export const createAccountStore = (db: Db) => {
  const byToken = db.prepare('SELECT account_id FROM tokens WHERE hash = ? AND revoked_at IS NULL').pluck();
  const exists = db.prepare('SELECT 1 FROM accounts WHERE id = ?').pluck();
  return {
    accountForToken: (token: string): string | undefined =>
      byToken.get(hashToken(token)) as string | undefined,
    accountExists: (id: string): boolean => exists.get(id) !== undefined,
  };
};

export type AccountStore = ReturnType<typeof createAccountStore>;
