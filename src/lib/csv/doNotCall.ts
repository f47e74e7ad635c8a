// The do-not-call lists as the analysis consults them. src/lib/csv knows no storage: the lists live
// in src/lib/dnc (IndexedDB), which implements this interface; the worker entry (csvWorker.ts) wires
// it in, so the page never posts listed numbers to the worker.

/** The lists a job checks every valid row against. */
export interface DoNotCallLookup {
  /** The names of the lists checked, in the order `holding` names them. */
  readonly lists: readonly string[];
  /**
   * The names of the lists holding an E.164 key (its digits as a number), or null when none does.
   * Called once per valid row: a miss must cost little (no allocation).
   */
  holding(key: number): readonly string[] | null;
}

/** How a job gets the lookup: the device's lists at the time the job starts. */
export type OpenDoNotCall = () => Promise<DoNotCallLookup>;

/** What an analysis says of the do-not-call lists. */
export interface DoNotCallCounts {
  /** The names of the lists checked (empty: the device has none). */
  lists: string[];
  /** Data rows whose number is on one of them (repeats of a listed number count each). */
  rows: number;
  /** Set when the device's lists could not be read: nothing was checked. */
  error?: string;
  /** When the job began to read the lists (ms since the epoch): a list written since is not in these figures. */
  checkedAt?: number;
}

/** "'Internal DNC', 'National registry'": list names as the messages quote them. */
export const quoteListNames = (names: readonly string[]): string =>
  names.map((name) => `'${name}'`).join(', ');
