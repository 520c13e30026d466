import type { HeaderList } from '../engine/model/header-list.ts';
import { isForbiddenMethod, type RelayRequestBody } from '../engine/relay/contract.ts';
import { isHeaderValue, isToken, normaliseMethod } from './http-syntax.ts';
import { checkTargetUrl, isHttpOrigin } from './target-url.ts';

/** A checked POST /relay body, its URL parsed. */
export type RelayRequest = Omit<RelayRequestBody, 'url'> & { url: URL };

/** Checks a POST /relay body; a string is the reason for a 400. */
export function parseRelayRequest(json: unknown): RelayRequest | string {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return 'The body must be a JSON object.';
  const body = json as Record<string, unknown>;

  const url = checkTargetUrl(body.url);
  if (typeof url === 'string') return url;

  const checkedMethod = parseMethod(body.method, '"method"');
  if ('error' in checkedMethod) return checkedMethod.error;
  const { method } = checkedMethod;

  const headers = parseHeaders(body.headers);
  if (typeof headers === 'string') return headers;

  if (body.body !== undefined && typeof body.body !== 'string') return '"body" must be a string when given.';
  const hasBody = typeof body.body === 'string' && body.body !== '';
  if (hasBody && (method === 'GET' || method === 'HEAD')) return `A ${method} request cannot have a body.`;

  if (!isHttpOrigin(body.origin)) return '"origin" must be an http(s) origin such as "http://localhost:5173".';

  const request: RelayRequest = { url, method, headers, origin: body.origin };
  if (hasBody) request.body = body.body as string;
  if (body.preflight !== undefined) {
    const preflight = parsePreflight(body.preflight);
    if (typeof preflight === 'string') return preflight;
    request.preflight = preflight;
  }
  return request;
}

function parseMethod(raw: unknown, field: string): { method: string } | { error: string } {
  if (!isToken(raw)) return { error: `${field} must be an HTTP method such as "POST".` };
  if (isForbiddenMethod(raw)) return { error: `${field} ${raw} is not relayed: browsers never send it.` };
  return { method: normaliseMethod(raw) };
}

function parseHeaders(raw: unknown): HeaderList | string {
  if (!Array.isArray(raw)) return '"headers" must be a list of [name, value] pairs.';
  const headers: HeaderList = [];
  for (const pair of raw as unknown[]) {
    if (!Array.isArray(pair) || pair.length !== 2) return '"headers" must be a list of [name, value] pairs.';
    const [name, value] = pair as unknown[];
    if (!isToken(name)) return `${JSON.stringify(name)} is not a valid header name.`;
    if (!isHeaderValue(value)) return `The value of header ${name} cannot be sent (it must be text without line breaks).`;
    headers.push([name, value]);
  }
  return headers;
}

function parsePreflight(raw: unknown): RelayRequest['preflight'] | string {
  if (typeof raw !== 'object' || raw === null) return '"preflight" must be an object with "method" and "headers".';
  const { method: rawMethod, headers } = raw as Record<string, unknown>;
  const checkedMethod = parseMethod(rawMethod, '"preflight.method"');
  if ('error' in checkedMethod) return checkedMethod.error;
  if (!Array.isArray(headers) || !headers.every(isToken)) return '"preflight.headers" must be a list of header names.';
  return { method: checkedMethod.method, headers };
}
