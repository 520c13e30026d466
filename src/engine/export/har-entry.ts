import type { Exchange, RecordedRequest, RecordedResponse } from '../model/exchange.ts';
import { headerValue, type HeaderList } from '../model/header-list.ts';
import type { ReportFinding } from '../report/report-format.ts';
import type { StepKind } from '../model/step-kind.ts';
import type { HarEntry, HarNameValue, HarRequest, HarResponse } from './har-format.ts';

export interface EntryContext {
  pageref: string;
  stepKind?: StepKind;
  /** The findings raised on this exchange. */
  findings: ReportFinding[];
}

/** Fetch does not tell which HTTP version was spoken; an empty string says so rather than guess. */
const UNKNOWN_HTTP_VERSION = '';

const NAVIGATION_COMMENT = 'Browser navigation (the authorization popup or its redirect): the app saw this URL, never the response.';

/** One exchange, already redacted (or not) by the caller, as a HAR entry. */
export function harEntry(exchange: Exchange, context: EntryContext): HarEntry {
  const navigation = exchange.outcome === 'navigation';
  const time = Number.isFinite(exchange.durationMs) && exchange.durationMs >= 0 ? exchange.durationMs : 0;
  return {
    pageref: context.pageref,
    startedDateTime: isoTime(exchange.startedAt),
    time,
    request: harRequest(exchange.request),
    response: exchange.response ? harResponse(exchange.response, exchange.error) : placeholderResponse(exchange.error),
    cache: {},
    timings: { blocked: -1, dns: -1, connect: -1, send: 0, wait: time, receive: 0 },
    ...(navigation ? { comment: NAVIGATION_COMMENT } : {}),
    _resourceType: navigation ? 'document' : 'fetch',
    _exchangeId: exchange.id,
    _stepId: exchange.stepId,
    ...(context.stepKind ? { _stepKind: context.stepKind } : {}),
    _label: exchange.label,
    _lanes: { from: exchange.from, to: exchange.to },
    _outcome: exchange.outcome,
    ...(exchange.response ? {} : { _noResponse: true as const }),
    ...(exchange.hiddenHeaders ? { _hiddenHeaders: [...exchange.hiddenHeaders] } : {}),
    ...(exchange.relayed ? { _relayed: true } : {}),
    _findings: context.findings.map(({ ruleId, severity, detail }) => ({ ruleId, severity, detail })),
  };
}

function harRequest(request: RecordedRequest): HarRequest {
  return {
    method: request.method,
    url: request.url,
    httpVersion: UNKNOWN_HTTP_VERSION,
    // Cookie values stay in the (redacted) headers only; a second copy would be one more place to leak.
    cookies: [],
    headers: nameValues(request.headers),
    queryString: queryString(request.url),
    ...(request.body !== undefined ? { postData: { mimeType: headerValue(request.headers, 'content-type') ?? '', text: request.body } } : {}),
    headersSize: -1,
    bodySize: request.body === undefined ? 0 : new TextEncoder().encode(request.body).length,
  };
}

function harResponse(response: RecordedResponse, error: string | undefined): HarResponse {
  return {
    status: response.status,
    statusText: response.statusText,
    httpVersion: UNKNOWN_HTTP_VERSION,
    cookies: [],
    headers: nameValues(response.headers),
    content: { size: response.bodyBytes, mimeType: headerValue(response.headers, 'content-type') ?? 'x-unknown', text: response.body },
    redirectURL: headerValue(response.headers, 'location') ?? '',
    headersSize: -1,
    bodySize: response.bodyBytes,
    ...(error !== undefined ? { _error: error } : {}),
    _finalUrl: response.finalUrl,
    _redirected: response.redirected,
    ...(response.responseType !== undefined ? { _responseType: response.responseType } : {}),
    _bodyTruncated: response.bodyTruncated,
  };
}

/** HAR requires a response; blocked and failed requests get status 0, as browsers write them. */
function placeholderResponse(error: string | undefined): HarResponse {
  return {
    status: 0,
    statusText: '',
    httpVersion: UNKNOWN_HTTP_VERSION,
    cookies: [],
    headers: [],
    content: { size: 0, mimeType: 'x-unknown', text: '' },
    redirectURL: '',
    headersSize: -1,
    bodySize: -1,
    ...(error !== undefined ? { _error: error } : {}),
  };
}

function nameValues(headers: HeaderList): HarNameValue[] {
  return headers.map(([name, value]) => ({ name, value }));
}

function queryString(url: string): HarNameValue[] {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}

function isoTime(epochMs: number): string {
  const date = new Date(epochMs);
  return Number.isNaN(date.getTime()) ? new Date(0).toISOString() : date.toISOString();
}
