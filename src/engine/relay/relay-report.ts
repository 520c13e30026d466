import { headerValue } from '../model/header-list.ts';
import { isRefusal, readableBody } from '../http/refusal.ts';
import { corsVerdict } from '../cors/cors-verdict.ts';
import { isExposed } from '../cors/exposed-headers.ts';
import type { CorsRequest } from '../cors/preflight-for.ts';
import { isRelayFailure, type ReportedOutcome } from '../model/relayed-outcome.ts';
import type { RelayAnswer, RelayOutcome } from './contract.ts';
import type { NeededHeader, RelayReport } from '../model/relay-report.ts';

export interface ReportInput {
  request: CorsRequest;
  appOrigin: string;
  preflightRequest?: { method: string; headers: string[] };
  answer: RelayAnswer;
  neededExposed: readonly string[];
  askedAt?: number;
}

export function buildRelayReport({ request, appOrigin, preflightRequest, answer, neededExposed, askedAt = Date.now() }: ReportInput): RelayReport {
  const verdicts = corsVerdict({
    request,
    appOrigin,
    ...(answer.preflight ? { preflight: answer.preflight } : {}),
    response: answer.response,
    neededExposed,
  });
  return {
    ...(preflightRequest ? { preflightRequest } : {}),
    ...(answer.preflight ? { preflight: withoutBody(answer.preflight) } : {}),
    response: withoutBody(answer.response),
    verdicts,
    needed: neededHeaders(answer.response, neededExposed),
    ...refusalBodyOf(answer.response),
    askedAt,
  };
}

/** A refusal's body is an error page, never tokens: its readable part says who refused (http/refusal.ts). */
function refusalBodyOf(response: RelayOutcome): { refusalBody?: string } {
  if (isRelayFailure(response) || !isRefusal(response.status)) return {};
  const text = readableBody(response.body, headerValue(response.headers, 'content-type'));
  return text ? { refusalBody: text } : {};
}

function withoutBody(outcome: RelayOutcome): ReportedOutcome {
  if (isRelayFailure(outcome)) return outcome;
  const { body: _body, ...head } = outcome;
  return head;
}

function neededHeaders(response: RelayOutcome, names: readonly string[]): NeededHeader[] {
  if (isRelayFailure(response)) return [];
  return [...new Set(names.map((name) => name.toLowerCase()))].map((name) => {
    const value = headerValue(response.headers, name);
    return { name, sent: value !== null, ...(value !== null ? { value } : {}), exposed: value !== null && isExposed(response.headers, name, false) };
  });
}

/** What the relay learned about one needed header; undefined when it could not tell (no answer). */
export function neededHeader(report: RelayReport | undefined, name: string): NeededHeader | undefined {
  return report?.needed.find((header) => header.name === name.toLowerCase());
}
