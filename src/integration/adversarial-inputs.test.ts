import { describe, expect, it } from 'vitest';
import { parseWwwAuthenticate } from '../engine/auth/www-authenticate.ts';
import { legacyMetadataUrl } from '../engine/discovery/as-metadata-urls.ts';
import { wellKnownSuffixPath } from '../engine/discovery/prm-urls.ts';
import { toCurl } from '../engine/http/curl.ts';
import type { Exchange } from '../engine/model/exchange.ts';
import { readableBody } from '../engine/http/refusal.ts';
import { decodeJwt } from '../engine/jwt/decode.ts';
import { findJwts } from '../engine/jwt/find-jwts.ts';
import { Redactor } from '../engine/report/redact.ts';
import { validateAuthorizationServerMetadata } from '../engine/validate/as-metadata.ts';
import { validateProtectedResourceMetadata } from '../engine/validate/prm.ts';
import { prettyBody } from '../features/exchange/format-body.ts';

/**
 * Every parser on adversarial inputs of about 1 MB, each call within a time bound. Linear work on
 * 1 MB takes well under a second even on a loaded 2-core machine (measured: at most ~0.9 s at a load
 * average of 13); quadratic work takes minutes ('eyJ-' × 16k took 2 s in the old JWT finder, so
 * 1 MB would take ~9 min). The slowest linear call, building a Redactor from a 1 MB secret, took up to
 * 21 s for all its inputs together at a load average of 20, so the bound per call is 5 s: still far below
 * any super-linear pass.
 */
const BOUND_MS = 5000;
const MB = 1 << 20;
const fill = (unit: string, prefix = '', suffix = '') => prefix + unit.repeat(Math.ceil((MB - prefix.length - suffix.length) / unit.length)) + suffix;

/** Shapes that make backtracking regexes and naive scanners rescan: long runs that almost match. */
const ADVERSARIAL = [
  fill('eyJ-'),
  fill('eyJa.'),
  fill('eyJa.eyJ', '', '-'),
  fill('a', '', '\n='),
  fill(' ', 'x', '\nx'),
  fill('/'),
  fill('='),
  fill('y=&', 'x=1&', ' z'),
  fill('a=', 'Bearer '),
  fill('"', 'Bearer realm='),
  fill('\\"a\\":\\"', '"access_token":"'),
  fill('a', 'https://'),
  fill('://a'),
  fill('Bearer '),
  fill('\t', 'Bearer'),
  fill(',', 'Bearer '),
  fill('\ud800'),
  fill('\0'),
  fill('token= '),
  fill('%'),
  // Markup that never closes, for the HTML-to-text reader of refusal pages.
  fill('<', 'x'),
  fill('<script>'),
  fill('<!--<'),
  fill('&#1', '<p>'),
];

function timed(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

function exchangeWithBody(body: string): Exchange {
  return {
    id: 'x1',
    stepId: 'mcp-unauthenticated',
    from: 'client',
    to: 'mcp',
    label: 'POST /mcp',
    request: { method: 'POST', url: 'https://mcp.example.com/mcp', headers: [], body: '{}' },
    response: { status: 401, statusText: '', headers: [], body, bodyBytes: body.length, bodyTruncated: false, finalUrl: '', redirected: false },
    outcome: 'response',
    startedAt: 0,
    durationMs: 1,
  } as Exchange;
}

const AS = 'https://as.example.com';
const redactor = new Redactor(['a-known-secret-value', '\ud800-a-lone-surrogate-secret']);

/** Each parser, once per place the input can sit; every call gets the input once and is timed alone. */
const PARSERS: Record<string, Array<(input: string) => unknown>> = {
  'WWW-Authenticate parser': [(input) => parseWwwAuthenticate(input)],
  'PRM validation': [
    (input) => validateProtectedResourceMetadata({ resource: input, authorization_servers: [AS] }, { mcpUrl: 'https://mcp.example.com/mcp' }),
    (input) =>
      validateProtectedResourceMetadata(
        { resource: 'https://mcp.example.com/mcp', authorization_servers: [`${AS}/${input}`] },
        { mcpUrl: 'https://mcp.example.com/mcp' },
      ),
    (input) =>
      validateProtectedResourceMetadata(
        { resource: 'https://mcp.example.com/mcp', authorization_servers: [AS], scopes_supported: [input] },
        { mcpUrl: 'https://mcp.example.com/mcp' },
      ),
  ],
  'AS metadata validation': [
    (input) =>
      validateAuthorizationServerMetadata(
        { issuer: input, authorization_endpoint: `${AS}/a`, token_endpoint: `${AS}/t` },
        { expectedIssuer: AS, version: '2025-11-25' },
      ),
    (input) =>
      validateAuthorizationServerMetadata(
        { issuer: AS, authorization_endpoint: `${AS}/${input}`, token_endpoint: input },
        { expectedIssuer: AS, version: '2025-11-25' },
      ),
    (input) =>
      validateAuthorizationServerMetadata(
        { issuer: AS, response_types_supported: [input], code_challenge_methods_supported: [input] },
        { expectedIssuer: AS, version: '2025-11-25' },
      ),
  ],
  redactor: [
    (input) => redactor.text(input),
    (input) => new Redactor([input]).text('short'),
    ...['authorization', 'cookie', 'set-cookie', 'dpop'].map((name) => (input: string) => redactor.headers([[name, input]])),
  ],
  'JWT finder': [(input) => findJwts(exchangeWithBody(input))],
  'JWT decoder': [(input) => decodeJwt(input), (input) => decodeJwt(`eyJhbGciOiJub25lIn0.${input}.`)],
  'refusal body text': [
    (input) => readableBody(input, 'text/html'),
    (input) => readableBody(`<p>${input}`, null),
    (input) => readableBody(input, 'application/json'),
  ],
  'body formatter': [(input) => prettyBody(input, null), (input) => prettyBody(input, 'application/x-www-form-urlencoded')],
  'cURL export': [
    (input) => toCurl({ method: 'POST', url: 'https://mcp.example.com/mcp', headers: [], body: input }),
    (input) => toCurl({ method: 'GET', url: input, headers: [['x-h', input]] }),
  ],
  'well-known URL builders': [
    (input) => wellKnownSuffixPath(new URL(`https://mcp.example.com/${input}`)),
    (input) => legacyMetadataUrl(`https://mcp.example.com/${input}`),
  ],
};

describe('every parser runs in linear time on 1 MB of adversarial input', () => {
  for (const [name, calls] of Object.entries(PARSERS)) {
    it(name, () => {
      for (const [place, parse] of calls.entries()) {
        for (const input of ADVERSARIAL) {
          const ms = timed(() => parse(input));
          expect(ms, `${name} (#${place + 1}) on ${JSON.stringify(input.slice(0, 24))}… took ${Math.round(ms)} ms`).toBeLessThan(BOUND_MS);
        }
      }
    });
  }
});
