import type { HeaderList } from '../http/exchange.ts';

/**
 * The relay's contract (POST {relay.url}/relay), as the app sees it. The relay lives in src/demo,
 * which the engine never imports, so the shapes are restated here and checked on arrival.
 */

/** Where the relay listens and the secret it was started with (from /__demo/config.json). */
export interface RelayEndpoint {
  url: string;
  secret: string;
  /** The run's flow grant, asked for on first use (relay-grant.ts); the relay refuses requests without one. */
  grant?: () => Promise<string>;
}

export interface RelayRequestBody {
  url: string;
  method: string;
  headers: HeaderList;
  body?: string;
  /** The Origin the relay presents to the server, on the preflight and the request. */
  origin: string;
  /** Asks the relay to send the OPTIONS preflight a browser would send, before the request. */
  preflight?: { method: string; headers: string[] };
}

/** What the server really answered, every header included (lower-case names, repeats kept apart). */
export interface RelayedResponse {
  status: number;
  statusText: string;
  headers: HeaderList;
  body: string;
  bodyBytes: number;
  truncated: boolean;
  location?: string;
  durationMs: number;
}

export interface RelayFailure {
  error: string;
  kind: 'timeout' | 'network';
}

export type RelayOutcome = RelayedResponse | RelayFailure;

/**
 * A relayed answer without its body, as a RelayReport keeps it: CORS lives in the status and the
 * headers, and a body re-sent by the relay may hold fresh tokens that must not be copied around.
 */
export type RelayedHead = Omit<RelayedResponse, 'body'>;
export type ReportedOutcome = RelayedHead | RelayFailure;

export interface RelayAnswer {
  preflight?: RelayOutcome;
  response: RelayOutcome;
}

export function isRelayFailure(outcome: RelayOutcome | ReportedOutcome): outcome is RelayFailure {
  return 'error' in outcome;
}

export function isRelayAnswer(value: unknown): value is RelayAnswer {
  if (typeof value !== 'object' || value === null) return false;
  const { preflight, response } = value as Record<string, unknown>;
  return isOutcome(response) && (preflight === undefined || isOutcome(preflight));
}

function isOutcome(value: unknown): value is RelayOutcome {
  if (typeof value !== 'object' || value === null) return false;
  const outcome = value as Record<string, unknown>;
  if (typeof outcome.error === 'string') return outcome.kind === 'timeout' || outcome.kind === 'network';
  return (
    typeof outcome.status === 'number' &&
    typeof outcome.statusText === 'string' &&
    typeof outcome.body === 'string' &&
    Array.isArray(outcome.headers) &&
    outcome.headers.every((pair) => Array.isArray(pair) && pair.length === 2 && pair.every((part) => typeof part === 'string'))
  );
}
