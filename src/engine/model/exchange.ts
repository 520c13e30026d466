import type { HeaderList } from './header-list.ts';
import type { RelayReport } from './relay-report.ts';

/**
 * One HTTP exchange as it really happened: what we sent and what came back.
 * Nothing here is reconstructed; the recorder fills it from the live request and response.
 */

/** Who talks to whom. The diagram draws one vertical lane per participant. */
export type Lane = 'client' | 'mcp' | 'as' | 'user';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: HeaderList;
  /** The body as text, capped for display. */
  body?: string;
}

export interface RecordedResponse {
  status: number;
  statusText: string;
  /** Only the headers the runtime let us read; in a browser, CORS hides the others. */
  headers: HeaderList;
  body: string;
  /** Size of the full body in bytes, even when `body` was cut for display. */
  bodyBytes: number;
  /** `body` is not the whole body: cut for display (the checks still read it whole), or cut at `bodyReadLimit`. */
  bodyTruncated: boolean;
  /**
   * Set when reading itself stopped at this many bytes (the parse limit, or the relay's own cap):
   * no check saw the rest, and `bodyBytes` counts only what arrived before the cut.
   */
  bodyReadLimit?: number;
  /** The fetch Response type: 'basic' (same origin), 'cors' (cross origin, filtered headers), … */
  responseType?: string;
  /** The final URL after any redirect the runtime followed. */
  finalUrl: string;
  redirected: boolean;
}

/**
 * How an exchange ended.
 * - response: a response arrived (any status).
 * - blocked: the browser refused to hand the response to the script (a fetch TypeError), most likely CORS.
 * - network-error: the runtime could not connect (Node reports the cause, the browser cannot).
 * - timeout: no answer within the time limit.
 * - invalid-url: the URL could not be used at all (not http(s), malformed).
 * - navigation: a browser navigation (the authorize popup and its callback), recorded from the URLs we saw.
 */
export type ExchangeOutcome = 'response' | 'blocked' | 'network-error' | 'timeout' | 'invalid-url' | 'navigation';

export interface Exchange {
  id: string;
  stepId: string;
  from: Lane;
  to: Lane;
  /** A short label for the diagram arrow, e.g. "POST /mcp initialize". */
  label: string;
  request: RecordedRequest;
  response?: RecordedResponse;
  outcome: ExchangeOutcome;
  /** What went wrong, in words, when outcome is not 'response'. */
  error?: string;
  /** Response headers the step expected but could not read (hidden by CORS, or not sent). */
  hiddenHeaders?: string[];
  /** Sent through the local relay (relay mode), not by the browser: no CORS applied to it. */
  relayed?: true;
  /** What the relay saw the server really answer, and what a browser would have refused. */
  relay?: RelayReport;
  /** Epoch milliseconds. */
  startedAt: number;
  durationMs: number;
}
