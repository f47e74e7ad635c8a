// `npm run probe -- --api-url URL --account ID [--origin URL] [--campaign ID]`: the contract probe's
// command line. The token comes from SIPCALLER_TOKEN only (never a flag, so it stays out of shell
// history and process lists) and never appears in the output: anything the server echoes is redacted.
import { type Finding, type ProbeReport, runProbe, shown } from './probe.ts';

export const USAGE = `Usage: SIPCALLER_TOKEN=<API token> npm run probe -- --api-url <URL> --account <ID> [--origin <URL>] [--campaign <ID>]

Checks, read-only (GET requests and one OPTIONS preflight), what a live SIP Caller account answers
against the assumptions in src/contract.ts.

  --api-url URL    the API base URL, e.g. https://api.sipcaller.com/v1
  --account ID     the account id (Web Console, Settings)
  --origin URL     the address the console is served from, for the CORS checks
  --campaign ID    the campaign whose numbers are read (default: the first listed)
  --json           print the report as JSON

The API token is read from the SIPCALLER_TOKEN environment variable, never from a flag.
Exit status: 0 nothing contradicted, 1 something contradicted (or the API could not be reached),
2 usage error.`;

export interface CliOptions {
  apiUrl: string;
  accountId: string;
  origin: string | null;
  campaignId: string | null;
  json: boolean;
  token: string;
}

export class UsageError extends Error {}

const FLAGS = new Set(['--api-url', '--account', '--origin', '--campaign']);

export const parseArgs = (argv: readonly string[], env: NodeJS.ProcessEnv): CliOptions => {
  const values = new Map<string, string>();
  let json = false;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === '--json') {
      json = true;
      continue;
    }
    if (arg === '--help' || arg === '-h') throw new UsageError('');
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    if (flag === '--token' || flag === '-t') {
      throw new UsageError('The token is read from SIPCALLER_TOKEN only, never from a flag.');
    }
    if (!FLAGS.has(flag)) throw new UsageError(`Unknown argument: ${shown(arg.slice(0, 40))}`);
    const value = inline ?? argv[++index];
    if (value === undefined || value === '' || (inline === undefined && value.startsWith('--'))) {
      throw new UsageError(`${flag} needs a value.`);
    }
    values.set(flag, value);
  }
  const apiUrl = values.get('--api-url');
  const accountId = values.get('--account');
  if (!apiUrl) throw new UsageError('--api-url is required.');
  if (!/^https?:\/\/[^/\s]+/.test(apiUrl)) throw new UsageError('--api-url must be an http(s) URL.');
  if (!accountId) throw new UsageError('--account is required.');
  const origin = values.get('--origin') ?? null;
  if (origin !== null && !/^https?:\/\/[^/\s]+$/.test(origin)) {
    throw new UsageError('--origin must be an origin such as http://127.0.0.1:8080 (no path).');
  }
  const token = env.SIPCALLER_TOKEN?.trim();
  if (!token) throw new UsageError('Set SIPCALLER_TOKEN to the API token (it is never taken from a flag).');
  return { apiUrl, accountId, origin, campaignId: values.get('--campaign') ?? null, json, token };
};

const LABEL: Record<Finding['verdict'], string> = {
  confirmed: 'confirmed     ',
  contradicted: 'CONTRADICTED  ',
  'could not tell': 'could not tell',
};

export const formatReport = (report: ProbeReport): string => {
  const counts = { confirmed: 0, contradicted: 0, 'could not tell': 0 };
  for (const finding of report.findings) counts[finding.verdict]++;
  const lines = [
    `SIP Caller contract probe: ${report.apiUrl}, account ${report.accountId} (token from SIPCALLER_TOKEN)`,
    `Origin for CORS: ${report.origin ?? '(none: pass --origin)'}; numbers of campaign ${report.campaignId === null ? '(none)' : shown(report.campaignId)}`,
    '',
    'Requests (read-only):',
    ...report.requests.map(
      (r) => `  ${r.method.padEnd(7)} ${decodeURIComponent(r.path)} → ${r.status ?? 'no answer'}`,
    ),
    '',
    'Assumptions (src/contract.ts, src/types.ts):',
  ];
  for (const finding of report.findings) {
    lines.push(`  ${LABEL[finding.verdict]}  ${finding.key} (${finding.source}): ${finding.assumption}`);
    lines.push(
      `                  ${finding.verdict === 'contradicted' ? 'came back: ' : ''}${finding.detail}`,
    );
  }
  lines.push(
    '',
    `${counts.confirmed} confirmed, ${counts.contradicted} contradicted, ${counts['could not tell']} could not tell.`,
  );
  return lines.join('\n');
};

/** Every trace of the token (as sent, and URL-encoded) replaced, whatever the server echoed. */
export const redact = (text: string, token: string): string => {
  let out = text;
  for (const form of new Set([token, encodeURIComponent(token), JSON.stringify(token).slice(1, -1)])) {
    if (form) out = out.split(form).join('‹token›');
  }
  return out;
};

export const exitCodeOf = (report: ProbeReport): number =>
  report.findings.some((finding) => finding.verdict === 'contradicted') ? 1 : 0;

/** Runs the probe for a command line; answers the exit status. */
export const main = async (
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  write: (text: string) => void,
  fetchImpl?: typeof fetch,
): Promise<number> => {
  let options: CliOptions;
  try {
    options = parseArgs(argv, env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    write(`${error.message ? `${error.message}\n\n` : ''}${USAGE}\n`);
    return 2;
  }
  const report = await runProbe({ ...options, fetch: fetchImpl });
  const text = options.json ? JSON.stringify(report, null, 2) : formatReport(report);
  write(`${redact(text, options.token)}\n`);
  return exitCodeOf(report);
};
