import { headerValue } from '../model/header-list.ts';
import type { RecordedRequest } from '../model/exchange.ts';
import { corsUnsafeRequestHeaderNames, isSafelistedMethod } from './safelisted-request.ts';

/** The OPTIONS request a browser sends first: the method and header names it asks about. */
export interface PreflightRequest {
  method: string;
  /** Lower-case and sorted, as Access-Control-Request-Headers carries them. */
  headers: string[];
  /** Why a preflight is needed, in words: the method, then each header. */
  reasons: string[];
}

export type CorsRequest = Pick<RecordedRequest, 'method' | 'url' | 'headers'>;

/** A request to another origin than the page's is a CORS request; one to the page's own is not. */
export function isCrossOrigin(url: string, appOrigin: string): boolean {
  const target = URL.parse(url);
  return target !== null && target.origin !== appOrigin;
}

/**
 * Fetch §4.3 "HTTP fetch", step 4.1: a cross-origin request needs a preflight when its method is not
 * safelisted or it carries CORS-unsafe headers. (A browser may skip it while a cached preflight
 * (Access-Control-Max-Age) still covers the request; the relay always sends it.)
 */
export function preflightFor(request: CorsRequest, appOrigin: string): PreflightRequest | null {
  if (!isCrossOrigin(request.url, appOrigin)) return null;
  const method = request.method.toUpperCase();
  const headers = corsUnsafeRequestHeaderNames(request.headers);
  const reasons = [
    ...(isSafelistedMethod(method) ? [] : [`the method ${method} is not GET, HEAD or POST`]),
    ...headers.map((name) => reasonFor(name, request)),
  ];
  return reasons.length ? { method, headers, reasons } : null;
}

function reasonFor(name: string, request: CorsRequest): string {
  const value = headerValue(request.headers, name) ?? '';
  if (name === 'content-type') return `Content-Type ${value} is not one a form could send`;
  if (name === 'accept' || name === 'accept-language' || name === 'content-language') return `${name} has a value a form could not send`;
  return `the header ${name} is not CORS-safelisted`;
}
