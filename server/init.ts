// Accounts, tokens and demo data at start-up.
import { addToken, ensureAccount, generateToken } from './accounts.ts';
import { createCampaignStore } from './campaigns.ts';
import { type Db, isNewDatabase } from './db.ts';
import {
  DEFAULT_DEMO_ACCOUNT_ID,
  OTHER_ACCOUNT_ID,
  OTHER_SEED_CAMPAIGNS,
  SEED_CAMPAIGNS,
  seedNumbers,
} from './seed.ts';

export interface DemoInfo {
  accountId: string;
  /** The demo account's token: the one given, or one generated at this start. */
  token: string;
  tokenGenerated: boolean;
  otherAccountId: string;
  otherToken: string;
  otherTokenGenerated: boolean;
  /** True when this start created (and, with `seed`, filled) the database. */
  newDatabase: boolean;
}

export interface InitOptions {
  seed: boolean;
  demoAccountId?: string;
  demoToken?: string;
  otherToken?: string;
}

/**
 * Makes sure the demo and the second account exist and that their tokens work. Without a given
 * token a new one is generated at every start (only hashes are stored, so an old one cannot be
 * shown again); tokens issued before keep working. Demo campaigns are seeded into a new database.
 */
export const initDatabase = (db: Db, options: InitOptions): DemoInfo => {
  const accountId = options.demoAccountId || DEFAULT_DEMO_ACCOUNT_ID;
  const otherAccountId = accountId === OTHER_ACCOUNT_ID ? `${OTHER_ACCOUNT_ID}0` : OTHER_ACCOUNT_ID;
  const token = options.demoToken || generateToken();
  const otherToken = options.otherToken || generateToken();
  return db.transaction((): DemoInfo => {
    const newDatabase = isNewDatabase(db);
    ensureAccount(db, accountId, 'Demo account');
    ensureAccount(db, otherAccountId, 'Second account');
    addToken(db, accountId, token);
    addToken(db, otherAccountId, otherToken);
    if (newDatabase && options.seed) {
      const campaigns = createCampaignStore(db);
      const seedAll = (owner: string, list: typeof SEED_CAMPAIGNS) => {
        for (const { numbers, varCount, ...fields } of list) {
          const campaign = campaigns.insert({ accountId: owner, ...fields });
          if (numbers) seedNumbers(db, campaign.id as number, numbers, { varCount });
        }
      };
      seedAll(accountId, SEED_CAMPAIGNS);
      seedAll(otherAccountId, OTHER_SEED_CAMPAIGNS);
    }
    return {
      accountId,
      token,
      tokenGenerated: !options.demoToken,
      otherAccountId,
      otherToken,
      otherTokenGenerated: !options.otherToken,
      newDatabase,
    };
  })();
};
