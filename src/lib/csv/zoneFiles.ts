// One file per time zone: the rows "only the valid rows" would send (E.164, duplicates, listed
// numbers and what the operator leaves out dropped), split by their numbers' zones, each a CSV
// as the upload writes it. For campaigns whose working hours match one zone. Fed like the parts.

import { createNumberNormaliser, type FactsTable, type TimeZoneMap } from '../phone';
import { isBlank, RowClassifier } from './classify';
import type { DoNotCallLookup } from './doNotCall';
import { excludesAnything, FactsFilter } from './numberFacts';
import { validRowText } from './parts';
import { CsvRecordReader, type CsvRow } from './reader';
import type { PartsSettings } from './types';

const PIECE_CHARS = 1 << 20;
const EOL = '\r\n';

/** The valid rows of one set of zones (several when a number's area spans them; none: unknown). */
export interface ZoneFile {
  zones: string[];
  rows: number;
  blob: Blob;
}

interface Group {
  zones: readonly string[];
  pieces: string[];
  /** Rows of the piece being gathered, joined at ~1 MB (a `+=` string would be a rope of a million nodes). */
  lines: string[];
  chars: number;
  rows: number;
}

export class ZoneFilesBuilder {
  private readonly reader: CsvRecordReader;
  private readonly classifier: RowClassifier;
  private readonly leftOut: FactsFilter | null;
  private readonly facts: FactsTable;
  private readonly groups = new Map<string, Group>();
  private readonly byFacts: (Group | undefined)[] = [];
  private headerPending: boolean;
  rowsRead = 0;

  constructor(
    private readonly settings: PartsSettings,
    zones: TimeZoneMap,
    doNotCall: DoNotCallLookup | null = null,
  ) {
    const normaliser = createNumberNormaliser(settings.defaultCountry, { zones });
    this.facts = normaliser.facts as FactsTable;
    const mapping = settings.mapping ?? null;
    this.classifier = new RowClassifier(
      normaliser,
      mapping ? (settings.fileColumns ?? 1) - 1 : settings.varCount,
      settings.existingNumbers,
      1024,
      mapping,
      doNotCall,
    );
    this.leftOut = excludesAnything(settings.exclude) ? new FactsFilter(this.facts, settings.exclude) : null;
    this.headerPending = settings.firstRowIsHeader;
    this.reader = new CsvRecordReader(settings.delimiter, (row) => this.record(row));
  }

  push(text: string): void {
    this.reader.push(text);
  }

  /** The files, the largest first. */
  finish(): ZoneFile[] {
    this.reader.end();
    return [...this.groups.values()]
      .map((group) => {
        endPiece(group);
        return {
          zones: [...group.zones],
          rows: group.rows,
          blob: new Blob(group.pieces, { type: 'text/csv' }),
        };
      })
      .sort((a, b) => b.rows - a.rows || a.zones.join().localeCompare(b.zones.join()));
  }

  private record(row: CsvRow): void {
    if (isBlank(row)) return;
    if (this.headerPending) {
      this.headerPending = false;
      return;
    }
    this.rowsRead++;
    const { classifier } = this;
    if (classifier.classify(row) !== null) return;
    const id = classifier.facts;
    if (this.leftOut?.leftOut(id)) return;
    const group = this.groupOf(id);
    const text = validRowText(row, classifier, this.settings.mapping ?? null, this.settings.varCount);
    group.lines.push(text);
    group.chars += text.length + EOL.length;
    group.rows++;
    if (group.chars >= PIECE_CHARS) endPiece(group);
  }

  private groupOf(id: number): Group {
    let group = this.byFacts[id];
    if (group) return group;
    const zones = id === 0 ? [] : this.facts.get(id).zones;
    const key = zones.join('&');
    group = this.groups.get(key);
    if (!group) {
      group = { zones, pieces: [], lines: [], chars: 0, rows: 0 };
      this.groups.set(key, group);
    }
    this.byFacts[id] = group;
    return group;
  }
}

function endPiece(group: Group): void {
  if (group.lines.length > 0) group.pieces.push(`${group.lines.join(EOL)}${EOL}`);
  group.lines = [];
  group.chars = 0;
}
