/**
 * The relay's HTTP contract (POST /relay), shared by the relay's parts and its tests.
 * The relay reports what it saw and computes no verdict: the app's engine does that.
 */

export type HeaderList = Array<[name: string, value: string]>;

/** A checked POST /relay body. */
export interface RelayRequest {
  url: URL;
  method: string;
  headers: HeaderList;
  body?: string;
  /** The Origin the relay presents to the target, on the preflight and the real request. */
  origin: string;
  preflight?: { method: string; headers: string[] };
}

export interface RelayedResponse {
  status: number;
  statusText: string;
  /** Every response header, lower-case names, in the order received, repeated ones kept apart. */
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

export interface RelayResult {
  preflight?: RelayOutcome;
  response: RelayOutcome;
}
