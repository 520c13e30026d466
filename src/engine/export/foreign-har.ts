import { DEFAULT_TIMEOUT_MS } from '../flow/create-session.ts';
import type { Exchange, RecordedResponse } from '../model/exchange.ts';
import { headerValue, type HeaderList } from '../model/header-list.ts';
import type { FlowSession } from '../model/session.ts';
import type { Step } from '../model/step.ts';
import { LATEST_SPEC_VERSION, isSpecVersion, type SpecVersion } from '../spec/versions.ts';
import type { Fields } from './fields.ts';
import { authorizationServerHosts, guessLane } from './guess-lane.ts';

export const IMPORTED_STEP_ID = 'imported';

/**
 * A HAR from browser devtools or another tool: no steps, no findings. Every entry goes into one
 * step, lanes are guessed from paths, and the step says plainly that nothing was checked.
 * Lenient on what such files leave out (headers, bodies, timings); only method and URL are required.
 */
export function sessionFromForeignHar(log: Fields): FlowSession {
  const read = log.objects('entries', 'exchanges').map((entry, index) => foreignExchange(entry, `x${index + 1}`));
  // A second pass: a host the trace's authorization server metadata names is the authorization server's.
  const asHosts = authorizationServerHosts(read.map((exchange) => ({ url: exchange.request.url, body: exchange.response?.body })));
  const exchanges = read.map((exchange): Exchange => ({ ...exchange, to: guessLane(exchange.request.url, asHosts) }));
  const unanswered = exchanges.filter((exchange) => !exchange.response).length;
  const step: Step = {
    id: IMPORTED_STEP_ID,
    // No step kind means "imported"; the first step of every flow is the closest honest fit.
    kind: 'imported',
    title: 'Imported from a HAR file',
    status: unanswered ? 'warning' : 'ok',
    exchangeIds: exchanges.map((exchange) => exchange.id),
    notes: [
      'Findings were not computed: this file has no MCP Auth Flow data, only HTTP requests.',
      'Lanes are guessed from URLs: authorization server metadata, OAuth endpoints (/token, /register, /authorize, /auth, /reg…) and the hosts that metadata names go to the authorization server.',
    ],
    summary: `${exchanges.length} request${exchanges.length === 1 ? '' : 's'} from a HAR file${unanswered ? `, ${unanswered} without a response` : ''}; nothing was checked.`,
  };
  return {
    format: 'mcp-auth-flow/session@1',
    settings: {
      serverUrl: serverUrl(exchanges),
      specVersion: specVersion(exchanges),
      timeoutMs: DEFAULT_TIMEOUT_MS,
      redirectUri: '',
      clientName: 'Imported HAR',
      registration: { mode: 'auto' },
    },
    status: 'done',
    steps: [step],
    exchanges,
    findings: [],
    learned: {},
  };
}

function foreignExchange(entry: Fields, id: string): Exchange {
  const request = entry.object('request');
  const method = request.string('method');
  const url = request.string('url');
  const postText = looseText(request.looseObject('postData'), 'text', 'bodyChars');
  const response = entry.looseObject('response');
  const status = response?.raw('status');
  const recorded = response && typeof status === 'number' && status > 0 ? foreignResponse(response, status, url) : undefined;
  const error = looseText(response, '_error');
  return {
    id,
    stepId: IMPORTED_STEP_ID,
    from: 'client',
    to: guessLane(url),
    label: `${method} ${pathOf(url)}`,
    request: { method, url, headers: lenientHeaders(request), ...(postText !== undefined ? { body: postText } : {}) },
    ...(recorded
      ? { response: recorded, outcome: 'response' as const }
      : { outcome: 'network-error' as const, error: error || 'No response in the HAR file (status 0).' }),
    startedAt: dateOf(entry.raw('startedDateTime')),
    durationMs: nonNegative(entry.raw('time')),
  };
}

function foreignResponse(response: Fields, status: number, url: string): RecordedResponse {
  const content = response.looseObject('content');
  const text = content?.raw('text');
  const size = nonNegative(content?.raw('size'));
  const base64 = content?.raw('encoding') === 'base64';
  const body = typeof text !== 'string' ? '' : base64 ? `[${size} bytes, base64-encoded in the HAR, not shown]` : text;
  const kept = response.notices.text(body, 'bodyChars');
  return {
    status,
    statusText: looseText(response, 'statusText') ?? '',
    headers: lenientHeaders(response),
    body: kept,
    bodyBytes: size || body.length,
    bodyTruncated: kept.length < body.length,
    finalUrl: url,
    redirected: false,
  };
}

/** Headers that are not `{ name, value }` text are left out rather than refused: other tools vary. */
function lenientHeaders(message: Fields): HeaderList {
  const headers = message.raw('headers');
  if (!Array.isArray(headers)) return [];
  return message.notices.keep('headersPerMessage', headers).flatMap((header: unknown): HeaderList => {
    if (typeof header !== 'object' || header === null) return [];
    const name: unknown = Object.hasOwn(header, 'name') ? (header as { name: unknown }).name : undefined;
    const value: unknown = Object.hasOwn(header, 'value') ? (header as { value: unknown }).value : undefined;
    return typeof name === 'string' && typeof value === 'string' ? [[message.notices.text(name), message.notices.text(value)]] : [];
  });
}

/** A member that is text, cut to its limit; anything else (other tools vary) is treated as absent. */
function looseText(fields: Fields | undefined, key: string, kind: 'textChars' | 'bodyChars' = 'textChars'): string | undefined {
  const value = fields?.raw(key);
  return typeof value === 'string' ? fields!.notices.text(value, kind) : undefined;
}

/** The MCP endpoint the trace talks to: the first POST to the MCP lane (MCP calls are POSTs), else the first request. */
function serverUrl(exchanges: Exchange[]): string {
  const mcp = exchanges.filter((exchange) => exchange.to === 'mcp');
  const endpoint = mcp.find((exchange) => exchange.request.method === 'POST') ?? mcp[0] ?? exchanges[0];
  if (!endpoint) return '';
  try {
    const url = new URL(endpoint.request.url);
    return `${url.origin}${url.pathname}`;
  } catch {
    return endpoint.request.url;
  }
}

/** What the requests said in MCP-Protocol-Version, when it is a version we know. */
function specVersion(exchanges: Exchange[]): SpecVersion {
  for (const exchange of exchanges) {
    const value = headerValue(exchange.request.headers, 'mcp-protocol-version');
    if (isSpecVersion(value)) return value;
  }
  return LATEST_SPEC_VERSION;
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

function dateOf(value: unknown): number {
  const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return Number.isNaN(time) ? 0 : time;
}

function nonNegative(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}
