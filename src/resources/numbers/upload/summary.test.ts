import { describe, expect, it } from 'vitest';
import type { PartState } from './session';
import { summarise } from './summary';

const done = (
  index: number,
  inserted: number,
  rejected: { line: number; reason: string }[] = [],
): PartState => ({
  index,
  rows: 0,
  bytes: 1,
  sent: 1,
  status: 'done',
  result: { inserted, rejectedCount: rejected.length, rejected },
});

// Part 0 held file lines 2, 3, 5; part 1 lines 8, 9 (the gaps were dropped by the console).
const lines = [
  [2, 3, 5],
  [8, 9],
];
const sourceLine = (index: number, line: number) => lines[index]?.[line - 1] ?? null;

describe('summarise', () => {
  it('merges the server rejections (in file lines) with what the console dropped, in file order', () => {
    const summary = summarise({
      parts: [done(0, 2, [{ line: 3, reason: 'bad number' }]), done(1, 1, [{ line: 1, reason: 'too long' }])],
      sourceLine,
      dropped: [
        { line: 4, reason: 'invalidNumber' },
        { line: 6, reason: 'duplicate' },
      ],
      droppedCount: 2,
      kinds: { invalid: 1, duplicates: 1, inCampaign: 0, dnc: 0 },
      totalBefore: 100,
      totalAfter: 103,
    });
    expect(summary.added).toBe(3);
    expect(summary.gained).toBe(3);
    expect(summary.rejectedByServer).toBe(2);
    expect(summary.droppedByConsole).toBe(2);
    expect(summary.problems.map((p) => [p.line, p.source, p.reason])).toEqual([
      [4, 'console', 'invalidNumber'],
      [5, 'server', 'bad number'],
      [6, 'console', 'duplicate'],
      [8, 'server', 'too long'],
    ]);
    expect(summary.complete).toBe(true);
  });

  it('counts and lists the rows left out by number type and calling hours, adding up to the file', () => {
    // An 8-row file: 1 invalid (line 9), 2 premium rate (7, 8), 1 outside calling hours (4), 4 sent.
    const summary = summarise({
      parts: [done(0, 4)],
      sourceLine,
      dropped: [{ line: 9, reason: 'invalidNumber' }],
      droppedCount: 1,
      kinds: { invalid: 1, duplicates: 0, inCampaign: 0, dnc: 0 },
      leftOut: {
        rows: [
          { line: 4, type: null },
          { line: 7, type: 'PREMIUM_RATE' },
          { line: 8, type: 'PREMIUM_RATE' },
        ],
        byType: { PREMIUM_RATE: 2 },
        hours: 1,
      },
      totalBefore: 0,
      totalAfter: 4,
    });
    expect(summary.droppedByConsole).toBe(4);
    expect((summary.added ?? 0) + summary.droppedByConsole).toBe(8);
    expect(summary.leftOutTypes).toEqual([{ type: 'PREMIUM_RATE', count: 2 }]);
    expect(summary.leftOutHours).toBe(1);
    expect(summary.problems.map((p) => [p.line, p.reason, p.numberType])).toEqual([
      [4, 'leftOutHours', undefined],
      [7, 'leftOutType', 'PREMIUM_RATE'],
      [8, 'leftOutType', 'PREMIUM_RATE'],
      [9, 'invalidNumber', undefined],
    ]);
    expect(summary.complete).toBe(true);
  });

  it('without counts in the answers, falls back to the growth of the campaign', () => {
    const summary = summarise({
      parts: [done(0, -1), done(1, 5)],
      sourceLine,
      dropped: [],
      droppedCount: 0,
      kinds: { invalid: 0, duplicates: 0, inCampaign: 0, dnc: 0 },
      totalBefore: 40,
      totalAfter: 45,
    });
    expect(summary.added).toBeNull();
    expect(summary.gained).toBe(5);
  });

  it('says when the lists are shorter than the counts', () => {
    const part = done(0, 1, [{ line: 1, reason: 'x' }]);
    if (part.result) part.result.rejectedCount = 5000;
    const summary = summarise({
      parts: [part],
      sourceLine: () => null,
      dropped: [],
      droppedCount: 0,
      kinds: { invalid: 0, duplicates: 0, inCampaign: 0, dnc: 0 },
      totalBefore: null,
      totalAfter: null,
    });
    expect(summary.rejectedByServer).toBe(5000);
    expect(summary.problems[0]?.line).toBe(1);
    expect(summary.complete).toBe(false);
    expect(summary.gained).toBeNull();
  });
});
