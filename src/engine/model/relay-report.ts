import type { CorsVerdict } from './cors-verdict.ts';
import type { ReportedOutcome } from './relayed-outcome.ts';

/** A response header the step needed, as the server really sent it. */
export interface NeededHeader {
  name: string;
  /** The server sent it (the relay saw it). */
  sent: boolean;
  value?: string;
  /** A browser would let the script read it: safelisted or exposed. */
  exposed: boolean;
}

/** The relay's answer for one exchange, and what a browser would make of it. Plain data, kept on the exchange. */
export interface RelayReport {
  /** The preflight the relay sent, as a browser would: method and lower-case header names. */
  preflightRequest?: { method: string; headers: string[] };
  preflight?: ReportedOutcome;
  response: ReportedOutcome;
  verdicts: CorsVerdict[];
  needed: NeededHeader[];
  /**
   * For a 401 or 403, the readable part of its body (text only, bounded): who refused and why, such as
   * a gateway's sign-in page or an authorization server's required scope. Other bodies are not kept.
   */
  refusalBody?: string;
  /** Epoch milliseconds. */
  askedAt: number;
}
