import type { HeaderList } from './header-list.ts';

/**
 * What the server answered the relay, without the body: what an exchange keeps of it. CORS lives in
 * the status and the headers, and a body re-sent by the relay may hold fresh tokens that must not
 * be copied around. The wire form with its body is RelayedResponse in src/engine/relay/contract.ts.
 */
export interface RelayedHead {
  status: number;
  statusText: string;
  /** Every response header, lower-case names, in the order received, repeated ones kept apart. */
  headers: HeaderList;
  bodyBytes: number;
  truncated: boolean;
  location?: string;
  durationMs: number;
}

/** The relay reached no answer: the server timed out or could not be reached. */
export interface RelayFailure {
  error: string;
  kind: 'timeout' | 'network';
}

export type ReportedOutcome = RelayedHead | RelayFailure;

export function isRelayFailure(outcome: RelayedHead | RelayFailure): outcome is RelayFailure {
  return 'error' in outcome;
}
