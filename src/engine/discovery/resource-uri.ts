/*
 * The canonical URI of an MCP server (MCP authorization, "Canonical Server URI"; RFC 8707 §2;
 * RFC 9728 `resource`). The spec says: lower-case scheme and host, no fragment, and the form
 * without a trailing slash "unless the trailing slash is semantically significant". We only
 * normalise what is provably the same URI (RFC 3986 §6.2.2–6.2.3 and the WHATWG URL parser):
 * - scheme and host lower-cased, the default port dropped, the fragment dropped;
 * - a bare origin has no trailing slash (`https://h/` and `https://h` are one URI; the spec's
 *   examples use `https://mcp.example.com`);
 * - the path is kept as given otherwise: we never add or strip a trailing slash after a real
 *   path, because `/mcp` and `/mcp/` are different resources to an exact-match AS or audience
 *   check, and that drift is exactly the bug we must show (python-sdk#1265, #1400).
 * The query is kept: RFC 8707 discourages one but it is part of the identifier when present.
 */

/**
 * The canonical form of `url`, for comparing two identifiers only: what is sent is always the string
 * as published (or typed), see `serverUriAsTyped`. An unparseable value is returned unchanged, so callers can still show it. */
export function canonicalResourceUri(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    parsed.hash = '';
    return parsed.href.endsWith('#') ? parsed.href.slice(0, -1) : parsed.href;
  }
  const userinfo = parsed.username ? `${parsed.username}${parsed.password ? `:${parsed.password}` : ''}@` : '';
  const path = parsed.pathname === '/' ? '' : parsed.pathname;
  return `${parsed.protocol}//${userinfo}${parsed.host}${path}${parsed.search}`;
}

/**
 * The server URI to name when no metadata published one: the URL as the user typed it, minus a
 * fragment (RFC 8707 §2: "MUST NOT include a fragment component"). Never parsed and re-serialised,
 * because a parser changes what an exact-match authorization server compares.
 */
export function serverUriAsTyped(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}

/** True when both name the same resource: their canonical forms are identical, character for character. */
export function sameResource(a: string, b: string): boolean {
  return canonicalResourceUri(a) === canonicalResourceUri(b);
}
