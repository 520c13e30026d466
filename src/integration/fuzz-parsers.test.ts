import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseWwwAuthenticate } from '../engine/auth/www-authenticate.ts';
import { buildHar } from '../engine/export/har.ts';
import { createSession } from '../engine/flow/create-session.ts';
import { toCurl } from '../engine/http/curl.ts';
import type { Exchange } from '../engine/model/exchange.ts';
import { decodeJwt } from '../engine/jwt/decode.ts';
import { findJwts } from '../engine/jwt/find-jwts.ts';
import { buildReport } from '../engine/report/build-report.ts';
import { encodeUriComponentSafely } from '../engine/text/safe-string.ts';
import { validateAuthorizationServerMetadata } from '../engine/validate/as-metadata.ts';
import { validateProtectedResourceMetadata } from '../engine/validate/prm.ts';
import { prettyBody } from '../features/exchange/format-body.ts';

/**
 * Fuzzing with a fixed seed, so a failure reproduces: each parser gets a few thousand inputs and
 * must not throw; the redactor must leave none of the secrets it was given in a redacted export.
 * (HAR and report import have their own fuzz test next to the importer.)
 */
const SEED = 20_251_125;
const RUNS = 2000;
const options = { seed: SEED, numRuns: RUNS };

/** Text with what breaks naive code: quotes, separators, control characters, lone surrogates, astral characters. */
const hostileChar = fc.oneof(
  fc.constantFrom(
    '"',
    "'",
    '\\',
    ',',
    ';',
    '=',
    '&',
    '%',
    ' ',
    '\t',
    '\n',
    '\r',
    '\0',
    '\u001b',
    '\ud800',
    '\udfff',
    '😀',
    'é',
    '-',
    '.',
    '/',
    ':',
    '@',
    '?',
    '#',
    'eyJ',
  ),
  fc.string({ minLength: 1, maxLength: 1 }),
);
const hostileText = fc.array(hostileChar, { maxLength: 60 }).map((chars) => chars.join(''));
const challengeText = fc
  .array(fc.oneof(hostileChar, fc.constantFrom('Bearer', 'Basic', 'DPoP', 'realm', 'scope', 'resource_metadata', '="', '=', '", ', 'a')), { maxLength: 40 })
  .map((parts) => parts.join(''));
/** JSON-shaped values, with prototypes and toString members a server can send. */
const jsonish = fc.jsonValue({ maxDepth: 4 }).chain((value) =>
  fc.constantFrom(value, { toString: 1, valueOf: 2 }, Object.create(null) as unknown, {
    ...(typeof value === 'object' && value ? value : {}),
    __proto__: null,
  }),
);
const metadataDoc = fc.oneof(
  jsonish,
  fc.record(
    {
      resource: fc.oneof(fc.webUrl(), hostileText, jsonish),
      authorization_servers: fc.oneof(fc.array(fc.oneof(fc.webUrl(), hostileText, jsonish), { maxLength: 3 }), jsonish),
      scopes_supported: fc.oneof(fc.array(hostileText, { maxLength: 3 }), jsonish),
      issuer: fc.oneof(fc.webUrl(), hostileText, jsonish),
      authorization_endpoint: fc.oneof(fc.webUrl(), hostileText, jsonish),
      token_endpoint: fc.oneof(fc.webUrl(), hostileText, jsonish),
      code_challenge_methods_supported: fc.oneof(fc.array(hostileText, { maxLength: 3 }), jsonish),
    },
    { requiredKeys: [] },
  ),
);

function exchange(id: string, request: Exchange['request'], response?: { status: number; headers: Array<[string, string]>; body: string }): Exchange {
  return {
    id,
    stepId: 'mcp-unauthenticated',
    from: 'client',
    to: 'mcp',
    label: `${request.method} ${request.url}`,
    request,
    ...(response
      ? { response: { statusText: '', bodyBytes: response.body.length, bodyTruncated: false, finalUrl: request.url, redirected: false, ...response } }
      : {}),
    outcome: response ? 'response' : 'network-error',
    startedAt: 0,
    durationMs: 1,
  } as Exchange;
}

describe('fuzzed parsers never throw', () => {
  it('WWW-Authenticate parser', () => {
    fc.assert(
      fc.property(challengeText, (header) => void parseWwwAuthenticate(header)),
      options,
    );
  });

  it('protected resource metadata and authorization server metadata validation', () => {
    fc.assert(
      fc.property(metadataDoc, hostileText, (doc, url) => {
        validateProtectedResourceMetadata(doc, { mcpUrl: `https://mcp.example.com/${url}`, viaRootWellKnown: url.length % 2 === 0 });
        validateAuthorizationServerMetadata(doc, { expectedIssuer: `https://as.example.com/${url}`, version: url.length % 2 ? '2025-06-18' : '2026-07-28' });
      }),
      options,
    );
  });

  it('JWT finder and decoder', () => {
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value) ?? '').toString('base64url');
    const jwtish = fc.tuple(jsonish, jsonish, hostileText).map(([header, claims, tail]) => `eyJ${b64(header).slice(3)}.${b64(claims)}.${tail}`);
    fc.assert(
      fc.property(fc.oneof(hostileText, jwtish), hostileText, (token, around) => {
        decodeJwt(token);
        findJwts(
          exchange('x', { method: 'GET', url: `https://x/${around}`, headers: [['authorization', `Bearer ${token}`]], body: `${around}${token}${around}` }),
        );
      }),
      options,
    );
  });

  it('body formatter', () => {
    fc.assert(
      fc.property(
        fc.oneof(hostileText, fc.json(), challengeText),
        fc.constantFrom(null, 'application/json', 'application/x-www-form-urlencoded'),
        (body, type) => void prettyBody(body, type),
      ),
      options,
    );
  });

  it('cURL export', () => {
    fc.assert(
      fc.property(
        hostileText,
        hostileText,
        hostileText,
        hostileText,
        (method, url, header, body) => void toCurl({ method, url, headers: [[header, header]], body }),
      ),
      options,
    );
  });
});

describe('fuzzed redaction', () => {
  /** A secret: distinctive, then anything a token or password can hold. */
  const secret = fc
    .tuple(
      fc.constantFrom('S3cr', 'Tok9', 'Pw_7', 'Key-'),
      fc.array(
        fc.oneof(
          fc.constantFrom('A', 'z', '9', '-', '_', '.', '~', '+', '/', '=', '%', '!', '*', '(', "'", 'é', '😀', '\ud800'),
          fc.string({ minLength: 1, maxLength: 1 }),
        ),
        { minLength: 8, maxLength: 24 },
      ),
    )
    .map(([prefix, chars]) => prefix + chars.join(''))
    .filter((value) => !/[\s"&#,;)\\]/.test(value));

  it('leaves none of the secrets it was given in a redacted report or HAR', () => {
    fc.assert(
      fc.property(fc.array(secret, { minLength: 7, maxLength: 7 }), hostileText, ([user, password, apiKey, bearer, jsonToken, formSecret, cookie], noise) => {
        const q = encodeUriComponentSafely;
        const serverUrl = `https://${q(user!)}:${q(password!)}@mcp.example.com/mcp?x-api-key=${q(apiKey!)}`;
        const session = createSession({
          serverUrl,
          specVersion: '2026-07-28',
          timeoutMs: 1000,
          redirectUri: 'http://localhost:5173/callback',
          clientName: 'fuzz',
          registration: { mode: 'auto' },
        });
        session.exchanges = [
          exchange(
            'x1',
            {
              method: 'POST',
              url: serverUrl,
              headers: [
                ['Authorization', `Bearer ${bearer}`],
                ['Cookie', `sid=${cookie}`],
              ],
              body: `client_secret=${q(formSecret!)}&note=${q(noise)}`,
            },
            {
              status: 200,
              headers: [['content-type', 'application/json']],
              body: JSON.stringify({ access_token: jsonToken, note: noise }),
            },
          ),
        ];
        const all = [user, password, apiKey, bearer, jsonToken, formSecret, cookie] as string[];
        session.steps[0] = { ...session.steps[0]!, notes: [`echo ${all.join(' | ')} ${noise}`], summary: `with ${apiKey} and ${password}` };
        session.findings = [
          { id: 'f1', ruleId: 'http.server-error', severity: 'error', detail: `${noise} ${jsonToken} ${formSecret}`, stepId: 'mcp-unauthenticated' },
        ];

        for (const exported of [buildReport(session), buildHar(session)]) {
          const strings: string[] = [];
          JSON.stringify(exported, (_, value: unknown) => (typeof value === 'string' && strings.push(value), value));
          for (const value of all) {
            for (const spelling of new Set([value, encodeUriComponentSafely(value)])) {
              expect(
                strings.find((text) => text.includes(spelling)),
                `"${spelling}" leaked`,
              ).toBeUndefined();
            }
          }
        }
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });
});
