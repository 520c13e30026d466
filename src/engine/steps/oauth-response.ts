import { isRefusal, refusalDetail } from '../http/refusal.ts';
import type { Exchange } from '../model/exchange.ts';
import { safeString } from '../text/safe-string.ts';
import { describeOauthError } from './oauth-error.ts';
import type { StepContext } from './step-definition.ts';

/**
 * Reading the answer of an OAuth endpoint (registration, token, refresh) before oauth4webapi does.
 * oauth4webapi looks for an error body only when the status is not the expected one, so a token
 * endpoint answering `200 {"error":"invalid_grant"}` reached the user as "access_token must be a
 * string". Here the server's own `error` and `error_description` come first, verbatim, and an error
 * sent with a 2xx status is a finding of its own: RFC 6749 §5.2 and RFC 7591 §3.2.2 require 400.
 */

export type OauthEndpoint = 'token' | 'registration';

export type Processed<T> = { ok: true; value: T } | { ok: false; detail: string; serverSaid?: string };

interface OauthErrorBody {
  error: string;
  error_description?: unknown;
}

export async function processOauthResponse<T>(ctx: StepContext, exchange: Exchange, endpoint: OauthEndpoint, process: () => Promise<T>): Promise<Processed<T>> {
  const status = exchange.response?.status;
  const body = oauthErrorBody(exchange.response?.body);
  if (body) {
    if (status !== undefined && status >= 200 && status < 300) {
      ctx.raise(
        'oauth.error-with-success-status',
        `The ${endpoint} endpoint answered HTTP ${status} with ${errorParams(body)}; an error must come with 400.`,
        exchange.id,
      );
    }
    const serverSaid = errorText(body);
    return { ok: false, detail: withRefusal(exchange, `HTTP ${status}: ${serverSaid}.`), serverSaid };
  }
  try {
    return { ok: true, value: await process() };
  } catch (error) {
    return { ok: false, detail: withRefusal(exchange, describeOauthError(error, status)) };
  }
}

/**
 * A 401 or 403 often says more in its challenge and page than in an OAuth error body (a registration
 * endpoint's required scope, a gateway's realm, an HTML error page): the detail quotes them, as text.
 */
function withRefusal(exchange: Exchange, detail: string): string {
  const response = exchange.response;
  return response && isRefusal(response.status) ? `${detail} ${upperFirst(refusalDetail(response))}.` : detail;
}

const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A step's summary of a refusal: what the server said, when it said something. */
export function refusalSummary(lead: string, refusal: { serverSaid?: string }): string {
  return refusal.serverSaid ? `${lead}: ${refusal.serverSaid}.` : `${lead}.`;
}

/** A JSON object with a string `error` member: the shape of an OAuth error response. */
function oauthErrorBody(text: string | undefined): OauthErrorBody | undefined {
  if (!text?.trimStart().startsWith('{')) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && 'error' in value && typeof value.error === 'string') return value as OauthErrorBody;
  } catch {
    return undefined;
  }
  return undefined;
}

const description = (body: OauthErrorBody): string | undefined =>
  body.error_description === undefined || body.error_description === '' ? undefined : safeString(body.error_description);

/** `invalid_grant (The code has expired)`, as oauth4webapi's own error bodies are shown (oauth-error.ts). */
function errorText(body: OauthErrorBody): string {
  const said = description(body);
  return `${body.error}${said ? ` (${said})` : ''}`;
}

function errorParams(body: OauthErrorBody): string {
  const said = description(body);
  return `error=${body.error}${said ? `, error_description=${said}` : ''}`;
}
