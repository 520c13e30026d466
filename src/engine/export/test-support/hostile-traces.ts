import { buildReport } from '../../report/build-report.ts';
import { buildHar } from '../har.ts';
import { secretSession } from './secret-session.ts';

/**
 * Hostile files for import tests (unit, fuzz and e2e), built in memory so no large file is committed.
 * Each one is a file an attacker could send a user: every field of it is attacker-controlled.
 */

export const SCRIPT_PAYLOAD = `"'><img src=x onerror=window.__pwned=1><script>window.__pwned=1</script>`;

/** Values the importer checks against a closed list (or parses as a date): changing them only gets the file refused. */
const CHECKED_KEYS = new Set([
  'format',
  'kind',
  'status',
  'outcome',
  'severity',
  'from',
  'to',
  'specVersion',
  'registrationMode',
  'startedDateTime',
  'generatedAt',
  'version',
  'ruleId',
]);

/** Appends `suffix` to every string a view shows (ids too, consistently, so the references still hold). */
export function withSuffixEverywhere(value: unknown, suffix: string, key = ''): unknown {
  // Our HAR spells its own fields with a leading underscore (`_outcome`), as HAR 1.2 asks of custom fields.
  if (typeof value === 'string') return CHECKED_KEYS.has(key.replace(/^_/, '')) ? value : `${value}${suffix}`;
  if (Array.isArray(value)) return value.map((item) => withSuffixEverywhere(item, suffix, key));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([name, member]) => [name, withSuffixEverywhere(member, suffix, name)]));
  }
  return value;
}

export const reportJson = () =>
  JSON.parse(JSON.stringify(buildReport(secretSession()))) as Record<string, unknown> & { exchanges: Array<Record<string, unknown>> };
export const harJson = () =>
  JSON.parse(JSON.stringify(buildHar(secretSession()))) as { log: Record<string, unknown> & { entries: Array<Record<string, unknown>> } };

/** Our report with the script payload in every shown field; the ids get it too (quotes included). */
export const scriptInEveryFieldReport = () => JSON.stringify(withSuffixEverywhere(reportJson(), SCRIPT_PAYLOAD));

/** Our HAR with the script payload in every shown field. */
export const scriptInEveryFieldHar = () => JSON.stringify(withSuffixEverywhere(harJson(), SCRIPT_PAYLOAD));

/** Our report whose first exchange says a response arrived but holds none. */
export function responseWithoutResponseReport(): string {
  const report = reportJson();
  const first = report.exchanges[0]!;
  delete first.response;
  first.outcome = 'response';
  return JSON.stringify(report);
}

/** A lone UTF-16 surrogate in a body, a header and a label (JSON can carry one as \ud800). */
export function loneSurrogateReport(): string {
  return JSON.stringify(withSuffixEverywhere(reportJson(), '\ud800'));
}

/** A devtools-style HAR: `entries` requests, each with `headers` headers and a body of `bodyBytes` bytes. */
export function foreignHar({ entries = 1, headers = 1, bodyBytes = 10 }: { entries?: number; headers?: number; bodyBytes?: number }): string {
  const headerList = JSON.stringify(Array.from({ length: headers }, (_, index) => ({ name: `x-header-${index}`, value: `value ${index}` })));
  const body = JSON.stringify(`{"data":"${'a'.repeat(Math.max(0, bodyBytes - 11))}"}`);
  const entry = (index: number) =>
    `{"startedDateTime":"2026-01-01T00:00:00.000Z","time":1,"request":{"method":"POST","url":"https://mcp.example.test/mcp?n=${index}","headers":${headerList}},` +
    `"response":{"status":200,"statusText":"OK","headers":${headerList},"content":{"size":${bodyBytes},"mimeType":"application/json","text":${body}}}}`;
  return `{"log":{"version":"1.2","entries":[${Array.from({ length: entries }, (_, index) => entry(index)).join(',')}]}}`;
}

/** A JWT (unsigned) whose `exp` is past what a Date can hold. */
export function hugeExpJwt(): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ exp: 8.64e15 * 10, aud: 'x', iss: 'https://as.example.test' })}.c2ln`;
}

/** A devtools-style HAR whose response carries a JWT with a huge `exp`. */
export function hugeExpHar(): string {
  const har = JSON.parse(foreignHar({})) as { log: { entries: Array<{ response: { content: { text: string } } }> } };
  har.log.entries[0]!.response.content.text = JSON.stringify({ access_token: hugeExpJwt() });
  return JSON.stringify(har);
}
