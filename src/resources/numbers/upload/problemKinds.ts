// The kinds of problem rows the operator is told about, one word each, the same on the tiles, in the
// lists and in the summary: invalid (a number, a column count or a quote that is wrong), duplicate in
// the file, already in the campaign, on a do-not-call list of this device. The analysis counts each
// kind (rows = valid + the four).
import type { CsvAnalysis, Problem, ProblemReason } from '../../../lib/csv';

export type ProblemKind = 'invalid' | 'duplicates' | 'inCampaign' | 'dnc';

export const PROBLEM_KINDS: readonly ProblemKind[] = ['invalid', 'dnc', 'duplicates', 'inCampaign'];

export const problemKind = (reason: ProblemReason): ProblemKind =>
  reason === 'duplicate'
    ? 'duplicates'
    : reason === 'duplicateInCampaign'
      ? 'inCampaign'
      : reason === 'onDncList'
        ? 'dnc'
        : 'invalid';

export type KindCounts = Record<ProblemKind, number>;

export const kindCounts = (
  analysis: Pick<CsvAnalysis, 'invalid' | 'duplicates' | 'existingDuplicates'> &
    Partial<Pick<CsvAnalysis, 'doNotCall'>>,
): KindCounts => ({
  invalid: analysis.invalid,
  duplicates: analysis.duplicates,
  inCampaign: analysis.existingDuplicates,
  dnc: analysis.doNotCall?.rows ?? 0,
});

/** The listed problems of one kind (the analysis lists only the first ones of the file). */
export const problemsOfKind = (problems: readonly Problem[], kind: ProblemKind): Problem[] =>
  problems.filter((problem) => problemKind(problem.reason) === kind);
