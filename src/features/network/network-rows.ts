import type { Exchange, Lane } from '../../engine/model/exchange.ts';
import type { Severity } from '../../engine/model/finding.ts';
import type { FlowSession } from '../../engine/model/session.ts';

/** How an exchange ended, grouped the way DevTools' Network panel filters: by status class, or no response at all. */
export type StatusClass = '2xx' | '3xx' | '4xx' | '5xx' | 'other' | 'failed' | 'navigation';

/** One row of the network table: an exchange flattened to what its columns show and sort by. */
export interface NetworkRow {
  id: string;
  /** Position in time (the session records exchanges in the order they started). */
  order: number;
  /** 1-based number of the step that made the request, as the diagram numbers its bands. */
  step: number;
  stepId: string;
  method: string;
  url: string;
  /** The path and query: what the URL column shows (the host is in the tooltip and the filter). */
  path: string;
  host: string;
  /** The HTTP status, or -1 without a response (so failures sort together). */
  status: number;
  statusText: string;
  statusClass: StatusClass;
  durationMs: number;
  /** Response body bytes, -1 without a response. */
  size: number;
  /** The server side of the arrow: MCP server, authorization server or the user's browser window. */
  lane: Lane;
  findings: number;
  worst?: Severity;
  /** Lower-case text the free-text filter searches. */
  haystack: string;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function statusClass(exchange: Exchange): StatusClass {
  if (exchange.outcome === 'navigation') return 'navigation';
  const status = exchange.response?.status;
  if (status === undefined) return 'failed';
  if (status >= 200 && status < 300) return '2xx';
  if (status >= 300 && status < 400) return '3xx';
  if (status >= 400 && status < 500) return '4xx';
  if (status >= 500 && status < 600) return '5xx';
  return 'other';
}

function splitUrl(url: string): { host: string; path: string } {
  try {
    const parsed = new URL(url);
    return { host: parsed.host, path: `${parsed.pathname}${parsed.search}` };
  } catch {
    return { host: '', path: url };
  }
}

/** The table's rows, in time order; linear in exchanges + findings + steps. */
export function networkRows(session: FlowSession): NetworkRow[] {
  const stepNumber = new Map(session.steps.map((step, index) => [step.id, index + 1]));
  const findings = new Map<string, { count: number; worst: Severity }>();
  for (const finding of session.findings) {
    if (!finding.exchangeId) continue;
    const seen = findings.get(finding.exchangeId);
    if (!seen) findings.set(finding.exchangeId, { count: 1, worst: finding.severity });
    else {
      seen.count += 1;
      if (SEVERITY_RANK[finding.severity] < SEVERITY_RANK[seen.worst]) seen.worst = finding.severity;
    }
  }
  return session.exchanges.map((exchange, order) => {
    const { host, path } = splitUrl(exchange.request.url);
    const response = exchange.response;
    const statusText = response ? String(response.status) : exchange.outcome;
    const found = findings.get(exchange.id);
    return {
      id: exchange.id,
      order,
      step: stepNumber.get(exchange.stepId) ?? 0,
      stepId: exchange.stepId,
      method: exchange.outcome === 'navigation' ? 'GET' : exchange.request.method,
      url: exchange.request.url,
      path,
      host,
      status: response?.status ?? -1,
      statusText,
      statusClass: statusClass(exchange),
      durationMs: exchange.durationMs,
      size: response?.bodyBytes ?? -1,
      lane: exchange.to === 'client' ? exchange.from : exchange.to,
      findings: found?.count ?? 0,
      ...(found ? { worst: found.worst } : {}),
      haystack: `${exchange.request.method} ${exchange.request.url} ${statusText} ${exchange.label}`.toLowerCase(),
    };
  });
}
