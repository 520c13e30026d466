import { headerValue, type HeaderList } from '../model/header-list.ts';
import { collapseWhitespace, htmlText } from '../text/html-text.ts';

/** How much of a challenge and of a body a finding quotes: enough for a realm, a scope, an error summary. */
const QUOTE_LIMIT = 240;

/** A 401 or 403: a refusal that may come from something other than the MCP server (a gateway, an authorization server). */
export function isRefusal(status: number | undefined): boolean {
  return status === 401 || status === 403;
}

/**
 * The readable part of a body, bounded: an HTML page as the words on it, anything else (JSON, text)
 * with its whitespace collapsed. Undefined when nothing readable is left.
 */
export function readableBody(body: string, contentType: string | null): string | undefined {
  const html = /html/i.test(contentType ?? '') || /^\s*</.test(body.slice(0, 64));
  const text = html ? htmlText(body, QUOTE_LIMIT) : collapseWhitespace(body.slice(0, QUOTE_LIMIT * 4));
  return text ? cut(text) : undefined;
}

/**
 * What a refusal said, for a finding's detail: its WWW-Authenticate challenge (whose scheme and realm
 * name who refused: `Basic realm="corp-gateway"` is a gateway, not the MCP server) and the readable
 * part of its body (Okta's required scope, a CDN's sign-in page), each quoted and bounded.
 */
export function refusalDetail(response: { headers: HeaderList; body?: string | undefined; responseType?: string | undefined }, bodyText?: string): string {
  const challenge = headerValue(response.headers, 'www-authenticate');
  const readable = bodyText ?? (response.body ? readableBody(response.body, headerValue(response.headers, 'content-type')) : undefined);
  // A browser shows a cross-origin script only the exposed headers: no challenge seen is not no challenge sent.
  const missing = response.responseType === 'cors' ? 'WWW-Authenticate not readable here (not exposed by CORS)' : 'no WWW-Authenticate challenge';
  const parts = [
    challenge === null ? missing : `WWW-Authenticate: ${cut(collapseWhitespace(challenge))}`,
    ...(readable ? [`the body reads "${readable}"`] : []),
  ];
  return parts.join('; ');
}

function cut(text: string): string {
  return text.length > QUOTE_LIMIT ? `${text.slice(0, QUOTE_LIMIT)}…` : text;
}
