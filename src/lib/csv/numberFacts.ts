// Types and time zones in the analysis: valid rows counted by what the metadata says of their
// number (country, type, zones: ../phone, one interned id per row from the memo), and the choice of
// what to leave out of "only the valid rows" (types, numbers outside calling hours at an instant),
// which the page counts from those groups and the worker applies row by row, with one function.

import { type CallingWindow, callingHoursAt } from '../hours';
import type { FactsTable, NumberFacts, NumberType } from '../phone';

/** Valid rows that share country, type and zones. */
export interface FactsGroup extends NumberFacts {
  rows: number;
}

/** What an analysis says of its valid rows' types and zones. */
export interface NumberFactsCounts {
  /** Largest first. Empty when the time-zone map could not be loaded (`error`). */
  groups: FactsGroup[];
  /** Set when the time-zone map could not be loaded: nothing was counted. */
  error?: string;
}

/** What to leave out of "only the valid rows", besides the rows that are not valid. */
export interface FactsExclusion {
  /** Numbers of these types. */
  types: NumberType[];
  /**
   * Numbers outside the window at `at` (epoch ms) in any of their zones, and numbers whose zone is
   * unknown (nothing shows they may be called then). null: none left out for their hours.
   */
  hours: { window: CallingWindow; at: number } | null;
}

export const NO_EXCLUSION: FactsExclusion = { types: [], hours: null };

export const excludesAnything = (exclusion: FactsExclusion | null | undefined): exclusion is FactsExclusion =>
  Boolean(exclusion && (exclusion.types.length > 0 || exclusion.hours !== null));

/** Whether a number with these facts is left out. */
export function isLeftOut(facts: NumberFacts, exclusion: FactsExclusion): boolean {
  if (exclusion.types.includes(facts.type)) return true;
  if (exclusion.hours === null) return false;
  return callingHoursAt(facts.zones, exclusion.hours.at, exclusion.hours.window) !== 'inside';
}

/** Rows left out by `exclusion`, from an analysis's groups (what the worker will leave out). */
export function countLeftOut(counts: NumberFactsCounts | null, exclusion: FactsExclusion): number {
  if (!counts) return 0;
  let rows = 0;
  for (const group of counts.groups) if (isLeftOut(group, exclusion)) rows += group.rows;
  return rows;
}

/** Counts valid rows per facts id (the memo's), with no allocation per row. */
export class FactsCounter {
  private counts = new Uint32Array(64);

  add(id: number): void {
    if (id >= this.counts.length) {
      const grown = new Uint32Array(Math.max(id + 1, this.counts.length * 2));
      grown.set(this.counts);
      this.counts = grown;
    }
    this.counts[id]++;
  }

  /** The groups, largest first; id 0 (a valid row with no facts) is not counted. */
  groups(table: FactsTable): FactsGroup[] {
    const groups: FactsGroup[] = [];
    for (let id = 1; id < this.counts.length; id++) {
      if (this.counts[id] > 0) groups.push({ ...table.get(id), rows: this.counts[id] });
    }
    return groups.sort((a, b) => b.rows - a.rows);
  }
}

/** Whether each facts id is left out, decided once per id (rows of one id share the answer). */
export class FactsFilter {
  private decided = new Uint8Array(64);

  constructor(
    private readonly table: FactsTable,
    private readonly exclusion: FactsExclusion,
  ) {}

  leftOut(id: number): boolean {
    if (id === 0) return this.exclusion.hours !== null;
    if (id >= this.decided.length) {
      const grown = new Uint8Array(Math.max(id + 1, this.decided.length * 2));
      grown.set(this.decided);
      this.decided = grown;
    }
    if (this.decided[id] === 0) this.decided[id] = isLeftOut(this.table.get(id), this.exclusion) ? 2 : 1;
    return this.decided[id] === 2;
  }

  /** Why a left-out row is left out: its type, or null for its calling hours (or unknown zone). */
  why(id: number): NumberType | null {
    if (id === 0) return null;
    const { type } = this.table.get(id);
    return this.exclusion.types.includes(type) ? type : null;
  }
}

/** The zones of a group as one label: "America/Chicago & America/New_York", "" when unknown. */
export const zonesLabel = (zones: readonly string[]): string => zones.join(' & ');
