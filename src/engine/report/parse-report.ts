import { REPORT_FORMAT, type FlowReport } from './report-format.ts';

/**
 * Reads a report back (for import). The check is loose on purpose: the format id, the fields a
 * viewer needs, and the shape of each step, exchange and finding. Unknown extra fields are kept.
 * Never throws; a problem comes back as `{ error }` in words a user can act on.
 */
export function parseReport(json: unknown): FlowReport | { error: string } {
  try {
    const value: unknown = typeof json === 'string' ? JSON.parse(json) : json;
    const problem = reportProblem(value);
    return problem ? { error: problem } : (value as FlowReport);
  } catch (error) {
    return { error: `This is not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function reportProblem(value: unknown): string | undefined {
  if (!isObject(value)) return 'A report is a JSON object.';
  if (value.format !== REPORT_FORMAT) {
    return typeof value.format === 'string'
      ? `Unsupported report format "${value.format.length > 40 ? `${value.format.slice(0, 40)}…` : value.format}"; this version reads ${REPORT_FORMAT}.`
      : `Not an MCP Auth Flow report: "format" should be "${REPORT_FORMAT}".`;
  }
  for (const field of ['server', 'specVersion', 'status'] as const) {
    if (typeof value[field] !== 'string') return `The report has no "${field}".`;
  }
  return (
    listProblem(value, 'steps', (step) => stringsProblem(step, ['id', 'kind', 'title', 'status']) ?? arrayProblem(step, ['notes', 'exchangeIds'])) ??
    listProblem(value, 'exchanges', (exchange) => {
      const missing = stringsProblem(exchange, ['id', 'stepId', 'outcome']);
      if (missing) return missing;
      const request = exchange.request;
      if (!isObject(request) || typeof request.method !== 'string' || typeof request.url !== 'string' || !Array.isArray(request.headers)) {
        return 'its request needs a method, a url and headers';
      }
      if (exchange.response !== undefined && (!isObject(exchange.response) || typeof exchange.response.status !== 'number')) {
        return 'its response needs a status';
      }
      return undefined;
    }) ??
    listProblem(value, 'findings', (finding) => stringsProblem(finding, ['ruleId', 'severity', 'stepId', 'detail']))
  );
}

function listProblem(report: Record<string, unknown>, field: string, check: (entry: Record<string, unknown>) => string | undefined): string | undefined {
  const list = report[field];
  if (!Array.isArray(list)) return `The report has no "${field}" list.`;
  for (const [index, entry] of list.entries()) {
    const problem = isObject(entry) ? check(entry) : 'it is not an object';
    if (problem) return `${field}[${index}] is malformed: ${problem}.`;
  }
  return undefined;
}

function stringsProblem(entry: Record<string, unknown>, fields: string[]): string | undefined {
  const missing = fields.filter((field) => typeof entry[field] !== 'string');
  return missing.length ? `no ${missing.map((field) => `"${field}"`).join(', ')}` : undefined;
}

function arrayProblem(entry: Record<string, unknown>, fields: string[]): string | undefined {
  const missing = fields.filter((field) => !Array.isArray(entry[field]));
  return missing.length ? `${missing.map((field) => `"${field}"`).join(', ')} should be a list` : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
