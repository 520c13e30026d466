import type { RelayReport } from '../model/relay-report.ts';
import type { Exchange, ExchangeOutcome, Lane, RecordedRequest, RecordedResponse } from '../model/exchange.ts';
import type { HeaderList } from '../model/header-list.ts';
import { describeRequest } from './describe-request.ts';
import { PARSE_LIMIT_BYTES, readBody, type ReadBody } from './read-body.ts';
import { RelayFetchError, relayedHopOf } from '../relay/relay-fetch.ts';
import { isRelayFailure } from '../model/relayed-outcome.ts';

/**
 * The one recording fetch. Every request the engine makes, its own or oauth4webapi's (through
 * `customFetch`), goes through here, so what the user sees is what was sent and what came back.
 */

export type Runtime = 'browser' | 'node';

export interface RecorderOptions {
  timeoutMs: number;
  /** How much of a body to keep in the recording, for display. The caller still reads it whole, up to PARSE_LIMIT_BYTES. */
  maxBodyBytes?: number;
  runtime?: Runtime;
  /** Called once per finished exchange, whatever its outcome. */
  onExchange: (exchange: Exchange) => void;
  nextId: () => string;
  /** The fetch to record; the global one by default. */
  fetchImpl?: typeof fetch;
  /** Relay mode: `fetchImpl` sends through the relay, so every exchange is marked relayed. */
  relayed?: boolean;
  /** In relay mode: the relay's answer for a response, and what a browser would have made of it. */
  relayReport?: (response: Response, request: RecordedRequest, target: ExchangeTarget) => RelayReport | undefined;
}

export interface ExchangeTarget {
  stepId: string;
  from?: Lane;
  to: Lane;
  /** Response headers the step needs; any of them the script cannot read is noted as hidden. */
  expectHeaders?: string[];
  /** Tells apart requests that look alike on the diagram (the audit's probes), after the usual label. */
  label?: string;
}

/** Thrown when no response reached the caller; the exchange says why. */
export class RecordedFetchError extends Error {
  constructor(readonly exchange: Exchange) {
    super(exchange.error ?? exchange.outcome);
    this.name = 'RecordedFetchError';
  }
}

export type RecordingFetch = (input: string | URL, init?: RequestInit) => Promise<Response>;

export const DEFAULT_MAX_BODY_BYTES = 512 * 1024;

/** The browser's globals the engine looks for, typed here because the engine is compiled without the DOM library. */
type MaybeBrowserGlobals = typeof globalThis & { window?: unknown; document?: unknown };

export function detectRuntime(): Runtime {
  // Guarded so the engine runs in Node: the DOM globals exist only in a browser.
  const scope: MaybeBrowserGlobals = globalThis;
  return scope.window !== undefined && scope.document !== undefined ? 'browser' : 'node';
}

export function createRecordingFetch(options: RecorderOptions, target: ExchangeTarget): RecordingFetch {
  const runtime = options.runtime ?? detectRuntime();
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const fetchImpl = options.fetchImpl ?? globalThis.fetch.bind(globalThis);

  return async (input, init = {}) => {
    const url = String(input);
    const request = recordRequest(url, init);
    const startedAt = Date.now();
    const started = performance.now();
    const base = {
      id: options.nextId(),
      stepId: target.stepId,
      from: target.from ?? 'client',
      to: target.to,
      label: target.label ? `${describeRequest(request)} · ${target.label}` : describeRequest(request),
      request,
      ...(options.relayed ? { relayed: true as const } : {}),
      startedAt,
    };
    const finish = (fields: Omit<Exchange, keyof typeof base | 'durationMs'>): Exchange => {
      const exchange: Exchange = { ...base, ...fields, durationMs: Math.round(performance.now() - started) };
      options.onExchange(exchange);
      return exchange;
    };

    const urlProblem = checkUrl(url);
    if (urlProblem) throw new RecordedFetchError(finish({ outcome: 'invalid-url', error: urlProblem }));

    const timeout = AbortSignal.timeout(options.timeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    try {
      // Cookies never ride along: the flow must work the way a real MCP client's requests do.
      const response = await fetchImpl(url, { ...init, signal, credentials: 'omit' });
      // Read once, record, and hand the caller a replay of the same bytes. (A clone would stall:
      // its unread twin holds back the stream once a large body fills the buffer.)
      const body = await readBody(response, maxBodyBytes, signal);
      const recorded = recordResponse(response, body, relayCut(response));
      const hidden = hiddenHeaders(target.expectHeaders, recorded, runtime);
      const relay = options.relayReport?.(response, request, target);
      finish({ outcome: 'response', response: recorded, ...(hidden.length ? { hiddenHeaders: hidden } : {}), ...(relay ? { relay } : {}) });
      return replay(response, body.bytes);
    } catch (error) {
      if (error instanceof RecordedFetchError) throw error;
      const { outcome, message } = classifyFailure(error, timeout, runtime, options.timeoutMs);
      throw new RecordedFetchError(finish({ outcome, error: message }));
    }
  };
}

function recordRequest(url: string, init: RequestInit): RecordedRequest {
  const headers: HeaderList = [...new Headers(init.headers ?? {})];
  const body = bodyText(init.body);
  return { method: (init.method ?? 'GET').toUpperCase(), url, headers, ...(body !== undefined ? { body } : {}) };
}

function bodyText(body: RequestInit['body']): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof URLSearchParams) return body.toString();
  return `[${Object.prototype.toString.call(body).slice(8, -1)} body]`;
}

function recordResponse(response: Response, body: ReadBody, relayLimit: number | undefined): RecordedResponse {
  const readLimit = body.overLimit ? PARSE_LIMIT_BYTES : relayLimit;
  return {
    status: response.status,
    statusText: response.statusText,
    headers: [...response.headers],
    body: body.text,
    bodyBytes: body.size,
    bodyTruncated: body.truncated || readLimit !== undefined,
    ...(readLimit !== undefined ? { bodyReadLimit: readLimit } : {}),
    responseType: response.type,
    finalUrl: response.url,
    redirected: response.redirected,
  };
}

/** In relay mode, the relay's own cap when it cut the body: the bytes it passed on are all there is. */
function relayCut(response: Response): number | undefined {
  const relayed = relayedHopOf(response)?.answer.response;
  return relayed && !isRelayFailure(relayed) && relayed.truncated ? relayed.bodyBytes : undefined;
}

/** The same status, headers and bytes as a fresh Response the caller can read. */
function replay(response: Response, bytes: Uint8Array): Response {
  const nullBody = response.status === 204 || response.status === 205 || response.status === 304;
  return new Response(nullBody ? null : (bytes as Uint8Array<ArrayBuffer>), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

function checkUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `"${url}" is not an absolute URL.`;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return `Only http and https URLs can be fetched, not ${parsed.protocol}`;
  }
  return undefined;
}

/**
 * In a browser a cross-origin response shows only CORS-safelisted headers and the ones named in
 * Access-Control-Expose-Headers. A header we need but cannot see may be hidden, not absent.
 */
function hiddenHeaders(expected: string[] | undefined, response: RecordedResponse, runtime: Runtime): string[] {
  if (!expected?.length || runtime !== 'browser' || response.responseType !== 'cors') return [];
  const visible = new Set(response.headers.map(([name]) => name.toLowerCase()));
  // A challenge belongs to a refusal: a 200 without WWW-Authenticate hides nothing.
  const refused = response.status === 401 || response.status === 403;
  return expected.filter((name) => !visible.has(name.toLowerCase()) && (refused || name.toLowerCase() !== 'www-authenticate'));
}

function classifyFailure(error: unknown, timeout: AbortSignal, runtime: Runtime, timeoutMs: number): { outcome: ExchangeOutcome; message: string } {
  const name = error instanceof Error ? error.name : '';
  if (timeout.aborted || name === 'TimeoutError') {
    return { outcome: 'timeout', message: `No answer within ${timeoutMs} ms.` };
  }
  if (error instanceof RelayFetchError) {
    // Relay mode: no browser was involved, so the relay's own words say what happened.
    return { outcome: error.kind === 'timeout' ? 'timeout' : 'network-error', message: `Through the relay: ${error.message}` };
  }
  const cause = (error as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  if (runtime === 'browser' && error instanceof TypeError) {
    // The browser deliberately gives the script no reason: CORS, a failed preflight, a refused
    // connection and a bad certificate all look the same from here.
    return {
      outcome: 'blocked',
      message:
        'The browser blocked this request, most likely CORS: the server did not allow this origin, or its preflight failed. ' +
        'The same error appears when the server cannot be reached at all. The browser console names the exact cause.',
    };
  }
  const detail = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
  return { outcome: 'network-error', message: `Could not connect: ${detail}.` };
}
