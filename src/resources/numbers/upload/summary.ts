import type { ProblemValues } from '../../../lib/csv';
import type { KindCounts } from './problemKinds';
import type { PartState } from './session';

export interface SummaryProblem {
  /** 1-based line of the operator's original file. */
  line: number;
  /** Console problems: the engine's reason code (translated as upload.problems.<code>); server: its text. */
  reason: string;
  source: 'console' | 'server';
  /** Console problems: the values of the engine's sentence (number, columns, first line…). */
  values?: ProblemValues;
  message?: string;
}

export interface UploadSummary {
  /** Numbers the server says it added; null when its answers carry no counts. */
  added: number | null;
  /** The campaign's total after minus before; null when either is unknown. */
  gained: number | null;
  rejectedByServer: number;
  droppedByConsole: number;
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
  return {
    added: counted ? results.reduce((sum, result) => sum + result.inserted, 0) : null,
    gained: totalBefore !== null && totalAfter !== null ? totalAfter - totalBefore : null,
    rejectedByServer,
    droppedByConsole: droppedCount,
    consoleKinds: kinds,
    sentAsIs,
    problems: [...local, ...server].sort((a, b) => a.line - b.line),
    complete: server.length >= rejectedByServer && local.length >= droppedCount,
  };
};
