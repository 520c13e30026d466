import { isCrossOrigin, preflightFor, type CorsRequest } from './preflight-for.ts';
import { preflightObservations } from './preflight-observations.ts';
import { isRelayFailure, type ReportedOutcome } from '../model/relayed-outcome.ts';
import { responseObservations } from './response-observations.ts';
import { toVerdicts } from './verdict.ts';
import type { CorsVerdict } from '../model/cors-verdict.ts';

export interface CorsVerdictInput {
  request: CorsRequest;
  appOrigin: string;
  /** What the server answered to the preflight a browser would send (none when none is needed). */
  preflight?: ReportedOutcome;
  /** What it answered to the request itself, all headers visible. */
  response: ReportedOutcome;
  /** Response headers the client must read here, e.g. WWW-Authenticate on a 401, Mcp-Session-Id on initialize. */
  neededExposed?: readonly string[];
  /** The engine sends no cookies (credentials: 'omit'); a client that does meets stricter rules. */
  credentials?: boolean;
}

/**
 * Everything a browser would refuse in these real bytes, each with the header line that fixes it:
 * the preflight first (the browser stops there), then the response, so a server developer gets
 * every fix at once rather than one per retry.
 */
export function corsVerdict(input: CorsVerdictInput): CorsVerdict[] {
  const { request, appOrigin, credentials = false } = input;
  if (!isCrossOrigin(request.url, appOrigin)) return [];
  const plan = preflightFor(request, appOrigin);
  // Neither answered: the server cannot be reached at all, which is not a CORS problem.
  if (isRelayFailure(input.response) && (!input.preflight || isRelayFailure(input.preflight))) return [];
  return toVerdicts([
    ...(plan && input.preflight ? preflightObservations(input.preflight, { request, plan, appOrigin, credentials }) : []),
    ...(isRelayFailure(input.response)
      ? []
      : responseObservations(input.response, { request, appOrigin, credentials, preflighted: plan !== null, neededExposed: input.neededExposed ?? [] })),
  ]);
}
