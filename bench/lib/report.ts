// The benchmark report: every figure sits next to its baseline measured in the same run, as a
// ratio, with the target it must meet. Written as Markdown (for people) and JSON (for tools).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Figure {
  /** What was measured, e.g. "first page p99". */
  name: string;
  value: number;
  unit: string;
  /** What `value` is compared with, measured in the same run. */
  baseline?: number;
  baselineName?: string;
  /** value / baseline (or its inverse for rates: see `higherIsBetter`). */
  ratio?: number;
  /** A human statement of the target, e.g. "≤ 1.5 × baseline" or "< 50 ms". */
  target?: string;
  pass?: boolean;
  note?: string;
}

export interface Section {
  id: string;
  title: string;
  /** How it was measured: sizes, runs, environment, what the baseline is. */
  method: string[];
  figures: Figure[];
  /** Set when the sub-benchmark could not run to the end. */
  error?: string;
  seconds?: number;
}

export interface Report {
  startedAt: string;
  finishedAt: string;
  command: string;
  environment: Record<string, string>;
  sections: Section[];
}

export const ratio = (value: number, baseline: number): number =>
  baseline > 0 ? Math.round((value / baseline) * 100) / 100 : Number.NaN;

const fmt = (value: number | undefined, unit = ''): string => {
  if (value === undefined || Number.isNaN(value)) return '–';
  const abs = Math.abs(value);
  const text =
    abs >= 1000 ? Math.round(value).toLocaleString('en-US') : abs >= 10 ? value.toFixed(1) : value.toFixed(2);
  return unit ? `${text} ${unit}` : text;
};

const verdict = (pass: boolean | undefined): string =>
  pass === undefined ? '' : pass ? '**PASS**' : '**FAIL**';

export const toMarkdown = (report: Report): string => {
  const lines = [
    '# SIP Caller Console benchmarks',
    '',
    `Run: \`${report.command}\`, ${report.startedAt} → ${report.finishedAt}.`,
    '',
    ...Object.entries(report.environment).map(([key, value]) => `- ${key}: ${value}`),
    '',
  ];
  const all = report.sections.flatMap((section) => section.figures.filter((f) => f.pass !== undefined));
  lines.push(
    `Targets: ${all.filter((f) => f.pass).length} of ${all.length} pass${
      report.sections.some((s) => s.error) ? ' (some sub-benchmarks failed to run: see below)' : ''
    }.`,
    '',
  );
  for (const section of report.sections) {
    lines.push(`## ${section.title}`, '');
    for (const line of section.method) lines.push(`- ${line}`);
    if (section.seconds !== undefined) lines.push(`- took ${section.seconds.toFixed(0)} s`);
    lines.push('');
    if (section.error) lines.push(`**Did not finish:** ${section.error}`, '');
    if (section.figures.length) {
      lines.push('| figure | value | baseline | ratio | target | result |', '|---|---|---|---|---|---|');
      for (const f of section.figures) {
        const baseline =
          f.baseline === undefined
            ? '–'
            : `${fmt(f.baseline, f.unit)}${f.baselineName ? ` (${f.baselineName})` : ''}`;
        lines.push(
          `| ${f.name}${f.note ? ` — ${f.note}` : ''} | ${fmt(f.value, f.unit)} | ${baseline} | ${
            f.ratio === undefined ? '–' : `${fmt(f.ratio)}×`
          } | ${f.target ?? '–'} | ${verdict(f.pass)} |`,
        );
      }
      lines.push('');
    }
  }
  return lines.join('\n');
};

export const writeReport = (dir: string, report: Report): void => {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(dir, 'report.md'), `${toMarkdown(report)}\n`);
};
