import type { Exchange } from '../../model/exchange.ts';
import type { HeaderList } from '../../model/header-list.ts';
import type { FlowSession } from '../../model/session.ts';

/**
 * A finished run that carries every kind of secret the engine can see, in every place it can
 * sit: headers, URLs, form and JSON bodies, redirects, notes, summaries, findings and errors.
 */

const b64url = (value: string) => Buffer.from(value).toString('base64url');
const jwt = (claims: object) =>
  `${b64url(JSON.stringify({ alg: 'ES256', typ: 'at+jwt' }))}.${b64url(JSON.stringify(claims))}.${b64url('sig-bytes-for-export-test-42')}`;

export const MCP = 'https://tools.example.org/mcp';
export const AS = 'https://login.example.org';
export const REDIRECT = 'http://localhost:5173/callback';

export const SECRETS = {
  accessToken: jwt({ iss: AS, aud: MCP, scope: 'mcp', exp: 2_000_000_000 }),
  opaqueAccessToken: 'opaque~Access/Token+Value=9f8e7d',
  refreshToken: 'rt-77c1b2a9e0d4f3a6b5c8',
  rotatedRefreshToken: 'rt-rotated-0a1b2c3d4e5f6a7b',
  idToken: jwt({ iss: AS, aud: 'client-abc', sub: 'bob', nonce: 'n0nce-value' }),
  code: 'AuthCode-4u7x9zQ2wE5rT8yU',
  verifier: 'pkce-verifier-Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Jh1Gf0EdCbA-_~',
  clientSecret: 'cl!ent/secret+value&more=',
  registrationAccessToken: 'rat-5e6f7a8b9c0d1e2f',
  sessionCookie: 'ck-8d7c6b5a4f3e2d1c',
  otherCookie: 'pref-cookie-value-xyz',
  assertion: jwt({ iss: 'client-abc', sub: 'client-abc', aud: `${AS}/token`, jti: 'j-1' }),
  basic: Buffer.from(`client-abc:${encodeURIComponent('cl!ent/secret+value&more=')}`).toString('base64'),
};

const json = (value: unknown) => JSON.stringify(value);
const form = (params: Record<string, string>) => new URLSearchParams(params).toString();
const JSON_TYPE: HeaderList = [['content-type', 'application/json']];
const FORM_TYPE: HeaderList = [['content-type', 'application/x-www-form-urlencoded']];

let counter = 0;
function exchange(
  stepId: string,
  to: Exchange['to'],
  request: Exchange['request'],
  response?: { status: number; headers?: HeaderList; body?: string },
  extra: Partial<Exchange> = {},
): Exchange {
  counter += 1;
  const body = response?.body ?? '';
  return {
    id: `x${counter}`,
    stepId,
    from: 'client',
    to,
    label: `${request.method} ${new URL(request.url).pathname}`,
    request,
    outcome: response ? 'response' : 'navigation',
    ...(response
      ? {
          response: {
            status: response.status,
            statusText: response.status === 200 ? 'OK' : '',
            headers: response.headers ?? JSON_TYPE,
            body,
            bodyBytes: new TextEncoder().encode(body).length,
            bodyTruncated: false,
            responseType: 'cors',
            finalUrl: request.url,
            redirected: false,
          },
        }
      : {}),
    startedAt: 1_767_000_000_000 + counter * 25,
    durationMs: 10 + counter,
    ...extra,
  };
}

export function secretSession(): FlowSession {
  counter = 0;
  const s = SECRETS;
  const authorizeUrl = `${AS}/authorize?response_type=code&client_id=client-abc&redirect_uri=${encodeURIComponent(REDIRECT)}&code_challenge=chal-E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw&code_challenge_method=S256&state=st-123456789`;
  const callbackUrl = `${REDIRECT}?code=${s.code}&state=st-123456789&iss=${encodeURIComponent(AS)}`;
  const exchanges: Exchange[] = [
    exchange(
      'mcp-unauthenticated',
      'mcp',
      {
        method: 'POST',
        url: MCP,
        headers: [...JSON_TYPE, ['cookie', `sid=${s.sessionCookie}; pref=${s.otherCookie}`]],
        body: json({ jsonrpc: '2.0', id: 1, method: 'initialize' }),
      },
      {
        status: 401,
        headers: [
          ['www-authenticate', `Bearer resource_metadata="${MCP.replace('/mcp', '/.well-known/oauth-protected-resource/mcp')}"`],
          ['set-cookie', `sid=${s.sessionCookie}; Path=/; HttpOnly`],
        ],
        body: json({ error: 'unauthorized' }),
      },
    ),
    exchange('as-discovery', 'as', { method: 'GET', url: `${AS}/.well-known/oauth-authorization-server`, headers: [] }, undefined, {
      outcome: 'blocked',
      error: 'The browser blocked the response (CORS).',
      hiddenHeaders: ['WWW-Authenticate'],
    }),
    exchange(
      'registration',
      'as',
      { method: 'POST', url: `${AS}/register`, headers: JSON_TYPE, body: json({ redirect_uris: [REDIRECT], client_name: 'export test' }) },
      {
        status: 201,
        body: json({ client_id: 'client-abc', client_secret: s.clientSecret, registration_access_token: s.registrationAccessToken }),
      },
    ),
    exchange('authorize', 'as', { method: 'GET', url: authorizeUrl, headers: [] }, undefined, { from: 'user' }),
    exchange('authorize', 'client', { method: 'GET', url: callbackUrl, headers: [] }, undefined, { from: 'as' }),
    exchange(
      'token',
      'as',
      {
        method: 'POST',
        url: `${AS}/token`,
        headers: [...FORM_TYPE, ['authorization', `Basic ${s.basic}`]],
        body: form({ grant_type: 'authorization_code', code: s.code, code_verifier: s.verifier, redirect_uri: REDIRECT, client_secret: s.clientSecret }),
      },
      {
        status: 200,
        body: json({ access_token: s.accessToken, token_type: 'Bearer', refresh_token: s.refreshToken, id_token: s.idToken, expires_in: 3600 }),
      },
    ),
    exchange(
      'mcp-authenticated',
      'mcp',
      {
        method: 'POST',
        url: MCP,
        headers: [['Authorization', `Bearer ${s.accessToken}`], ...JSON_TYPE],
        body: json({ jsonrpc: '2.0', id: 2, method: 'tools/list' }),
      },
      {
        status: 200,
        body: json({ jsonrpc: '2.0', id: 2, result: { tools: [{ name: 'echo' }] } }),
      },
    ),
    exchange(
      'refresh-1',
      'as',
      {
        method: 'POST',
        url: `${AS}/token`,
        headers: FORM_TYPE,
        body: form({ grant_type: 'refresh_token', refresh_token: s.refreshToken, client_assertion: s.assertion }),
      },
      {
        status: 302,
        headers: [
          ['location', `${REDIRECT}?code=${s.code}`],
          ['set-cookie', `pref=${s.otherCookie}; Secure`],
        ],
        body: json({ access_token: s.opaqueAccessToken, refresh_token: s.rotatedRefreshToken }),
      },
    ),
    exchange(
      'tool-call-1',
      'mcp',
      { method: 'GET', url: `${MCP}?access_token=${encodeURIComponent(s.opaqueAccessToken)}`, headers: [['DPoP', s.assertion]] },
      undefined,
      {
        outcome: 'timeout',
        error: `No answer within 15 s for token ${s.opaqueAccessToken}.`,
      },
    ),
  ];
  const stepIds = ['mcp-unauthenticated', 'as-discovery', 'registration', 'authorize', 'token', 'mcp-authenticated'] as const;
  return {
    format: 'mcp-auth-flow/session@1',
    settings: {
      serverUrl: MCP,
      specVersion: '2025-11-25',
      timeoutMs: 15_000,
      redirectUri: REDIRECT,
      clientName: 'export test',
      registration: { mode: 'dcr', clientId: 'client-abc', clientSecret: s.clientSecret },
      scopeOverride: 'mcp',
    },
    status: 'failed',
    offSpec: true,
    steps: [
      ...stepIds.map((id, index) => ({
        id,
        kind: id,
        status: id === 'as-discovery' ? ('blocked' as const) : ('ok' as const),
        exchangeIds: exchanges.filter((entry) => entry.stepId === id).map((entry) => entry.id),
        notes: id === 'authorize' ? [`code_verifier = ${s.verifier} (kept secret)`] : [],
        summary: `${id} done`,
        startedAt: 1_767_000_000_000 + index,
        endedAt: 1_767_000_000_100 + index,
      })),
      { id: 'callback', kind: 'callback', status: 'ok', exchangeIds: [], notes: [`code = ${s.code}`, 'state = st-123456789'], summary: `Got code ${s.code}.` },
      { id: 'refresh-1', kind: 'refresh', status: 'ok', exchangeIds: ['x8'], notes: [], summary: `Rotated ${s.refreshToken}.`, offSpec: true },
      {
        id: 'tool-call-1',
        kind: 'tool-call',
        title: 'Call tool echo',
        status: 'failed',
        exchangeIds: ['x9'],
        notes: [],
        summary: 'No answer.',
        input: { name: 'echo' },
        continuable: true,
      },
    ],
    exchanges,
    findings: [
      {
        id: 'f1',
        ruleId: 'token.audience-mismatch',
        severity: 'error',
        stepId: 'token',
        exchangeId: 'x6',
        detail: `Token ${s.accessToken} has the wrong aud.`,
      },
      { id: 'f2', ruleId: 'callback.state-mismatch', severity: 'warning', stepId: 'callback', exchangeId: 'x5', detail: `Callback ${callbackUrl}` },
      { id: 'f3', ruleId: 'no.such-rule', severity: 'info', stepId: 'registration', detail: `Secret ${s.clientSecret} and ${s.registrationAccessToken}` },
    ],
    learned: {
      issuer: AS,
      resource: MCP,
      client: { client_id: 'client-abc', client_secret: s.clientSecret, registration_access_token: s.registrationAccessToken },
      pkce: { verifier: s.verifier, challenge: 'chal-E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw', method: 'S256' },
      state: 'st-123456789',
      authorizeUrl,
      callbackUrl,
      code: s.code,
      tokens: { access_token: s.accessToken, token_type: 'Bearer', refresh_token: s.refreshToken },
    },
  };
}

/** How the secrets travel besides their raw form. */
export function secretSpellings(): Array<[string, string]> {
  return Object.entries(SECRETS).flatMap(([name, value]): Array<[string, string]> => [
    [name, value],
    [`${name} (URL-encoded)`, encodeURIComponent(value)],
    [`${name} (form-encoded)`, new URLSearchParams({ v: value }).toString().slice(2)],
    [`${name} (JSON-escaped)`, JSON.stringify(value).slice(1, -1)],
  ]);
}
