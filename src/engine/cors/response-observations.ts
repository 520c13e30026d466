import { headerValue } from '../model/header-list.ts';
import { allowOriginObservation, wildcardWithCredentialsObservation } from './allow-origin.ts';
import { isExposed } from './exposed-headers.ts';
import { displayName, listItems, listLine, tokenList } from './header-list.ts';
import type { CorsRequest } from './preflight-for.ts';
import type { RelayedHead } from '../model/relayed-outcome.ts';
import { requestLabel, type Observation } from './verdict.ts';

export interface ResponseContext {
  request: CorsRequest;
  appOrigin: string;
  credentials: boolean;
  /** A browser sent a preflight before this request. */
  preflighted: boolean;
  /** Response headers the client must be able to read here (WWW-Authenticate on a 401…). */
  neededExposed: readonly string[];
}

type Where = Pick<Observation, 'where' | 'on'>;

/** What the real response needs for a browser to hand it, and the headers the step needs, to the script. */
export function responseObservations(response: RelayedHead, context: ResponseContext): Observation[] {
  const where: Where = { on: 'response', where: `The response (${requestLabel(context.request.method, context.request.url)} → ${response.status})` };
  return [
    allowOriginObservation(response.headers, context.appOrigin, context.credentials, where),
    wildcardWithCredentialsObservation(response.headers, context.appOrigin, where),
    redirectObservation(response, context, where),
    ...exposureObservations(response, context, where),
  ].filter((observation) => observation !== null);
}

/**
 * Fetch §4.4 "HTTP-redirect fetch": after a preflight a browser follows a redirect only if the 3xx
 * itself passes the CORS check, then preflights the new URL again (with Origin "null" once the
 * chain has crossed origins). 301 and 302 also turn a POST into a GET and drop its body.
 */
function redirectObservation(response: RelayedHead, context: ResponseContext, where: Where): Observation | null {
  if (!context.preflighted || response.status < 300 || response.status >= 400) return null;
  const target = response.location ?? headerValue(response.headers, 'location');
  const becomesGet = context.request.method === 'POST' && [301, 302, 303].includes(response.status);
  return {
    ruleId: 'cors.redirect-on-preflight',
    ...where,
    says:
      `a redirect${target ? ` to ${target}` : ''}. A browser follows it only when the redirect itself carries Access-Control-Allow-Origin, ` +
      `and then needs a new preflight at the new URL${becomesGet ? `; a ${response.status} also turns the POST into a GET without its JSON-RPC body` : ''}. ` +
      `Serve the endpoint at ${context.request.url} itself${target ? `, or give clients ${target}` : ''}.`,
  };
}

function exposureObservations(response: RelayedHead, context: ResponseContext, where: Where): Observation[] {
  const hidden = [...new Set(context.neededExposed.map((name) => name.toLowerCase()))].filter(
    (name) => headerValue(response.headers, name) !== null && !isExposed(response.headers, name, context.credentials),
  );
  if (!hidden.length) return [];
  const exposeList = tokenList(response.headers, 'access-control-expose-headers');
  const listed = listItems(exposeList);
  const headerLine = listLine('Access-Control-Expose-Headers', listed, hidden.map(displayName));
  const said =
    exposeList.kind === 'absent'
      ? 'there is no Access-Control-Expose-Headers'
      : exposeList.kind === 'invalid'
        ? `Access-Control-Expose-Headers (${exposeList.value}) is not a list of header names`
        : `Access-Control-Expose-Headers lists only ${listed.join(', ')}`;
  const observe = (names: string[], ruleId: Observation['ruleId']): Observation => ({
    ruleId,
    ...where,
    says: `${names.map((name) => `${displayName(name)}: ${clip(headerValue(response.headers, name) ?? '')}`).join(' and ')} ${names.length > 1 ? 'are' : 'is'} sent, but ${said}, so the browser hides ${names.length > 1 ? 'them' : 'it'} from the script.`,
    headerLine,
  });
  const sessionId = hidden.filter((name) => name === 'mcp-session-id');
  const others = hidden.filter((name) => name !== 'mcp-session-id');
  return [
    ...(others.length ? [observe(others, 'cors.header-not-exposed')] : []),
    ...(sessionId.length ? [observe(sessionId, 'cors.session-id-not-exposed')] : []),
  ];
}

function clip(value: string): string {
  return value.length > 200 ? `${value.slice(0, 200)}…` : value;
}
