// What a valid number is (its type, country and time zones), interned: the memo keeps a small id
// per decided prefix, and the analysis counts ids, so no object is made per row.

/** libphonenumber's number types ("max" metadata), UNKNOWN when it cannot tell. */
export type NumberType =
  | 'MOBILE'
  | 'FIXED_LINE'
  | 'FIXED_LINE_OR_MOBILE'
  | 'TOLL_FREE'
  | 'PREMIUM_RATE'
  | 'SHARED_COST'
  | 'VOIP'
  | 'PERSONAL_NUMBER'
  | 'PAGER'
  | 'UAN'
  | 'VOICEMAIL'
  | 'UNKNOWN';

export const NUMBER_TYPES: readonly NumberType[] = [
  'MOBILE',
  'FIXED_LINE',
  'FIXED_LINE_OR_MOBILE',
  'TOLL_FREE',
  'PREMIUM_RATE',
  'SHARED_COST',
  'VOIP',
  'PERSONAL_NUMBER',
  'PAGER',
  'UAN',
  'VOICEMAIL',
  'UNKNOWN',
];

/** What the metadata says of one valid number. */
export interface NumberFacts {
  /** ISO country ("US"), or null for a calling code of no country (+800, +882…). */
  country: string | null;
  type: NumberType;
  /** IANA zones, sorted; empty when no zone is known. */
  zones: readonly string[];
}

/** Facts interned to small ids (1, 2, …; 0 is "none"). */
export class FactsTable {
  private readonly ids = new Map<string, number>();
  private readonly list: NumberFacts[] = [];

  intern(facts: NumberFacts): number {
    const key = `${facts.country ?? ''}|${facts.type}|${facts.zones.join('&')}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      this.list.push(facts);
      id = this.list.length;
      this.ids.set(key, id);
    }
    return id;
  }

  /** The facts of an id given by `intern`. */
  get(id: number): NumberFacts {
    const facts = this.list[id - 1];
    if (!facts) throw new RangeError(`No facts with id ${id}`);
    return facts;
  }

  /** Every interned facts, in id order (id = index + 1). */
  all(): readonly NumberFacts[] {
    return this.list;
  }
}
