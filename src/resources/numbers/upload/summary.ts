import type { LeftOutRows, ProblemValues } from '../../../lib/csv';
import type { NumberType } from '../../../lib/phone';
import type { KindCounts } from './problemKinds';
import type { PartState } from './session';

export interface SummaryProblem {
  /** 1-based line of the operator's original file. */
  line: number;
  /**
   * Console problems: the engine's reason code (translated as upload.problems.<code>), or
   * 'leftOutType' / 'leftOutHours' for a row "only the valid rows" left out; server: its text.
   */
  reason: string;
  source: 'console' | 'server';
  /** Console problems: the values of the engine's sentence (number, columns, first line…). */
  values?: ProblemValues;
  message?: string;
  /** 'leftOutType': the type that left the row out. */
  numberType?: NumberType;
}

export interface UploadSummary {
  /** Numbers the server says it added; null when its answers carry no counts. */
  added: number | null;
  /** The campaign's total after minus before; null when either is unknown. */
  gained: number | null;
  rejectedByServer: number;
  /** Every row the console left out before sending: the flagged kinds, and those left out by type or hours. */
  droppedByConsole: number;
  /** Rows left out by number type, per type (valid-rows mode), largest first. */
  leftOutTypes: { type: NumberType; count: number }[];
  /** Rows left out for their calling hours (valid-rows mode). */
  leftOutHours: number;
  /** The kinds of the rows the console flagged (left out in valid-rows mode, sent in as-is mode). */
  consoleKinds: KindCounts;
  /** "The file as it is": how many rows went, of which `consoleKinds` the console had flagged; null otherwise. */
  sentAsIs: number | null;
  /** Console drops and server rejections, in the order of the original file. */
  problems: SummaryProblem[];
  /** False when the server listed only some of its rejections (the counts are still whole). */
  complete: boolean;
}

interface SummaryInput {
  parts: PartState[];
  /** The original file's line of a part's line; null when unknown (then the part's line is shown). */
  sourceLine: (partIndex: number, line: number) => number | null;
  /** Rows the console left out before sending (valid-rows mode), as far as the analysis listed them. */
  dropped: readonly { line: number; reason: string; values?: ProblemValues; message?: string }[];
  droppedCount: number;
  /** What the analysis flagged, by kind. */
  kinds: KindCounts;
  /** Rows sent as the file was ("The file as it is"); null when the console sent only the valid rows. */
  sentAsIs?: number | null;
  /** Valid-rows mode: the rows left out by number type or calling hours (the parts builder's). */
  leftOut?: LeftOutRows | null;
  totalBefore: number | null;
  totalAfter: number | null;
}

/** Merges the server's answers to every part with what the console dropped before sending. */
export const summarise = ({
  parts,
  sourceLine,
  dropped,
  droppedCount,
  kinds,
  sentAsIs = null,
  leftOut = null,
  totalBefore,
  totalAfter,
}: SummaryInput): UploadSummary => {
  const results = parts.map((part) => part.result).filter((result) => result !== undefined);
  // The data provider reports inserted < 0 when the server's answer had no count.
  const counted = results.length === parts.length && results.every((result) => result.inserted >= 0);
  const server: SummaryProblem[] = parts.flatMap((part) =>
    (part.result?.rejected ?? []).map((rejection) => ({
      line: sourceLine(part.index, rejection.line) ?? rejection.line,
      reason: rejection.reason,
      source: 'server' as const,
    })),
  );
  const rejectedByServer = results.reduce(
    (sum, result) => sum + Math.max(result.rejectedCount ?? 0, result.rejected?.length ?? 0),
    0,
  );
  const local: SummaryProblem[] = dropped.map(({ line, reason, values, message }) => ({
    line,
    reason,
    values,
    message,
    source: 'console' as const,
  }));
  const leftOutRows: SummaryProblem[] = (leftOut?.rows ?? []).map(({ line, type }) =>
    type === null
      ? { line, reason: 'leftOutHours', source: 'console' as const }
      : { line, reason: 'leftOutType', numberType: type, source: 'console' as const },
  );
  const leftOutTypes = Object.entries(leftOut?.byType ?? {})
    .map(([type, count]) => ({ type: type as NumberType, count: count ?? 0 }))
    .filter(({ count }) => count > 0)
    .sort((a, b) => b.count - a.count);
  const leftOutHours = leftOut?.hours ?? 0;
  const leftOutCount = leftOutTypes.reduce((sum, { count }) => sum + count, leftOutHours);
  return {
    added: counted ? results.reduce((sum, result) => sum + result.inserted, 0) : null,
    gained: totalBefore !== null && totalAfter !== null ? totalAfter - totalBefore : null,
    rejectedByServer,
    droppedByConsole: droppedCount + leftOutCount,
    leftOutTypes,
    leftOutHours,
    consoleKinds: kinds,
    sentAsIs,
    problems: [...local, ...leftOutRows, ...server].sort((a, b) => a.line - b.line),
    complete:
      server.length >= rejectedByServer && local.length >= droppedCount && leftOutRows.length >= leftOutCount,
  };
};
