import { headerValue } from '../model/header-list.ts';
import { allowOriginObservation, wildcardWithCredentialsObservation } from './allow-origin.ts';
import { displayName, listItems, listLine, tokenList } from './header-list.ts';
import type { CorsRequest, PreflightRequest } from './preflight-for.ts';
import { isRelayFailure, type RelayedHead, type ReportedOutcome } from '../model/relayed-outcome.ts';
import { isSafelistedMethod } from './safelisted-request.ts';
import { requestLabel, type Observation } from './verdict.ts';

export interface PreflightContext {
  request: CorsRequest;
  plan: PreflightRequest;
  appOrigin: string;
  credentials: boolean;
}

/**
 * Fetch §4.8 "CORS-preflight fetch": the answer must be a 2xx that passes the CORS check and
 * allows the method and every CORS-unsafe header; otherwise the browser never sends the request.
 */
export function preflightObservations(preflight: ReportedOutcome, context: PreflightContext): Observation[] {
  const path = requestLabel('OPTIONS', context.request.url);
  const headerLine = preflightAnswer(context);
  if (isRelayFailure(preflight)) {
    return [{ ruleId: 'cors.preflight-failed', on: 'preflight', where: `The preflight (${path})`, says: `no answer: ${preflight.error}`, headerLine }];
  }
  const where = { on: 'preflight' as const, where: `The preflight (${path} → ${preflight.status})` };
  const { status, statusText } = preflight;
  if (status >= 300 && status < 400) {
    const target = preflight.location ? ` to ${preflight.location}` : '';
    return [
      {
        ruleId: 'cors.redirect-on-preflight',
        ...where,
        says: `a redirect${target}. A browser never follows a redirect of a preflight, so the request itself is never sent.`,
        headerLine,
      },
    ];
  }
  if (status === 401 || status === 403) {
    return [
      {
        ruleId: 'cors.preflight-unauthorized',
        ...where,
        says: 'the server checks authorization before CORS, but a browser never sends a token or cookie on a preflight, so it can never pass.',
        headerLine,
      },
    ];
  }
  if (status < 200 || status > 299) {
    return [
      {
        ruleId: 'cors.preflight-failed',
        ...where,
        says: `${statusText ? `${statusText}. ` : ''}A browser needs a 2xx answer (usually 204) to go on.`,
        headerLine,
      },
    ];
  }
  return [
    allowOriginObservation(preflight.headers, context.appOrigin, context.credentials, where),
    wildcardWithCredentialsObservation(preflight.headers, context.appOrigin, where),
    methodObservation(preflight, context, where),
    headersObservation(preflight, context, where),
  ].filter((observation) => observation !== null);
}

type Where = Pick<Observation, 'where' | 'on'>;

function methodObservation(preflight: RelayedHead, { plan, credentials }: PreflightContext, where: Where): Observation | null {
  const methods = tokenList(preflight.headers, 'access-control-allow-methods');
  const listed = listItems(methods);
  if (methods.kind === 'invalid') {
    return {
      ruleId: 'cors.method-not-allowed',
      ...where,
      says: `Access-Control-Allow-Methods: ${methods.value} is not a comma-separated list of methods, so a browser rejects the whole preflight.`,
      headerLine: listLine('Access-Control-Allow-Methods', [], [plan.method]),
    };
  }
  // Methods match byte for byte (Fetch §4.8 step 7.6): "post" does not allow POST.
  if (isSafelistedMethod(plan.method) || listed.includes(plan.method) || (!credentials && listed.includes('*'))) return null;
  const said =
    methods.kind === 'absent' ? `no Access-Control-Allow-Methods, so ${plan.method} is not allowed.` : `allows only ${listed.join(', ')}, not ${plan.method}.`;
  return { ruleId: 'cors.method-not-allowed', ...where, says: said, headerLine: listLine('Access-Control-Allow-Methods', listed, [plan.method]) };
}

function headersObservation(preflight: RelayedHead, { plan, credentials }: PreflightContext, where: Where): Observation | null {
  const names = tokenList(preflight.headers, 'access-control-allow-headers');
  const listed = listItems(names);
  if (names.kind === 'invalid') {
    return {
      ruleId: 'cors.header-not-allowed',
      ...where,
      says: `Access-Control-Allow-Headers: ${names.value} is not a comma-separated list of header names, so a browser rejects the whole preflight.`,
      headerLine: listLine('Access-Control-Allow-Headers', [], plan.headers.map(displayName)),
    };
  }
  const allowed = new Set(listed.map((name) => name.toLowerCase()));
  const wildcard = !credentials && allowed.has('*');
  // Fetch "CORS non-wildcard request-header name": a `*` never covers Authorization.
  const missing = plan.headers.filter((name) => !allowed.has(name) && (name === 'authorization' || !wildcard));
  if (!missing.length) return null;
  const missingNames = missing.map(displayName).join(', ');
  const said =
    names.kind === 'absent'
      ? `no Access-Control-Allow-Headers, so the request may not carry ${missingNames}.`
      : `Access-Control-Allow-Headers: ${headerValue(preflight.headers, 'access-control-allow-headers')} does not allow ${missingNames}.`;
  const wildcardNote = allowed.has('*') && missing.includes('authorization') ? ' A * there does not cover Authorization, which must be listed by name.' : '';
  return {
    ruleId: 'cors.header-not-allowed',
    ...where,
    says: said + wildcardNote,
    headerLine: listLine('Access-Control-Allow-Headers', listed, missing.map(displayName)),
  };
}

/** The whole preflight answer a browser would accept for this request. */
function preflightAnswer({ plan, appOrigin }: PreflightContext): string {
  return [
    'HTTP/1.1 204 No Content',
    `Access-Control-Allow-Origin: ${appOrigin}`,
    ...(isSafelistedMethod(plan.method) ? [] : [`Access-Control-Allow-Methods: ${plan.method}`]),
    ...(plan.headers.length ? [`Access-Control-Allow-Headers: ${plan.headers.map(displayName).join(', ')}`] : []),
    'Access-Control-Max-Age: 600',
  ].join('\n');
}
