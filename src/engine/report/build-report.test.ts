import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Exchange } from '../model/exchange.ts';
import type { FlowSession } from '../model/session.ts';
import { buildReport } from './build-report.ts';
import { parseReport } from './parse-report.ts';
import { GENERATOR, REPORT_FORMAT } from './report-format.ts';

const b64url = (value: string) => Buffer.from(value).toString('base64url');
const jwt = (claims: object) =>
  `${b64url(JSON.stringify({ alg: 'RS256', typ: 'at+jwt', kid: 'k1' }))}.${b64url(JSON.stringify(claims))}.${b64url('signature-bytes-0123456789')}`;

const SERVER = 'https://mcp.example.com/mcp';
const ISSUER = 'https://auth.example.com';
const REDIRECT = 'http://127.0.0.1:53682/callback';

const ACCESS_TOKEN = jwt({ iss: ISSUER, aud: SERVER, scope: 'mcp:tools', exp: 1_900_000_000, sub: 'alice' });
const NEW_ACCESS_TOKEN = jwt({ iss: ISSUER, aud: SERVER, scope: 'mcp:tools mcp:write', exp: 1_900_000_500, sub: 'alice' });
const ID_TOKEN = jwt({ iss: ISSUER, aud: 'client-123', sub: 'alice', nonce: 'n-0S6_WzA2Mj' });
const REFRESH_TOKEN = 'rt_8xLOxBtZp8kQ2vN4mW9sY3cF7hJ1dG5a';
const ROTATED_REFRESH_TOKEN = 'rt_Zq7Yx6Wv5Ut4Sr3Qp2On1Ml0Kj9Ih8Gf';
const OPAQUE_ACCESS_TOKEN = 'at.opaque/Value+With=Special~Chars42';
const CODE = 'SplxlOBeZQQYbYS6WxSbIA-c0d3';
const CODE_VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const CLIENT_SECRET = 's3cr3t+with/slash&amp=';
const REGISTRATION_ACCESS_TOKEN = 'reg-this.is.a.registration.token';
const SESSION_COOKIE = 'sess_4f9a1c2e7b8d0a3f';
const ASSERTION = jwt({ iss: 'client-123', sub: 'client-123', aud: ISSUER, jti: 'jti-1' });
const BASIC = Buffer.from(`client-123:${encodeURIComponent(CLIENT_SECRET)}`).toString('base64');

const SECRETS = {
  ACCESS_TOKEN,
  NEW_ACCESS_TOKEN,
  ID_TOKEN,
  REFRESH_TOKEN,
  ROTATED_REFRESH_TOKEN,
  OPAQUE_ACCESS_TOKEN,
  CODE,
  CODE_VERIFIER,
  CLIENT_SECRET,
  REGISTRATION_ACCESS_TOKEN,
  SESSION_COOKIE,
  ASSERTION,
  BASIC,
  // How the secrets travel in URLs and form bodies.
  CLIENT_SECRET_ENCODED: encodeURIComponent(CLIENT_SECRET),
  OPAQUE_ACCESS_TOKEN_ENCODED: encodeURIComponent(OPAQUE_ACCESS_TOKEN),
  // The signature part of a JWT is what makes it a credential.
  ACCESS_TOKEN_SIGNATURE: ACCESS_TOKEN.split('.')[2]!,
};

let exchangeCount = 0;
function exchange(stepId: string, request: Exchange['request'], response?: { status: number; headers?: Array<[string, string]>; body?: string }): Exchange {
  exchangeCount += 1;
  return {
    id: `x${exchangeCount}`,
    stepId,
    from: 'client',
    to: stepId.startsWith('mcp') ? 'mcp' : 'as',
    label: `${request.method} ${new URL(request.url).pathname}`,
    request,
    outcome: response ? 'response' : 'navigation',
    ...(response
      ? {
          response: {
            status: response.status,
            statusText: '',
            headers: response.headers ?? [['content-type', 'application/json']],
            body: response.body ?? '',
            bodyBytes: response.body?.length ?? 0,
            bodyTruncated: false,
            finalUrl: request.url,
            redirected: false,
          },
        }
      : {}),
    startedAt: 1_760_000_000_000 + exchangeCount,
    durationMs: 12,
  };
}

const form = (params: Record<string, string>) => new URLSearchParams(params).toString();
const FORM_HEADERS: Array<[string, string]> = [['content-type', 'application/x-www-form-urlencoded']];

/** A complete run with refresh and step-up, holding every kind of secret the engine ever sees. */
function realisticSession(): FlowSession {
  exchangeCount = 0;
  const authorizeUrl = `${ISSUER}/authorize?response_type=code&client_id=client-123&redirect_uri=${encodeURIComponent(REDIRECT)}&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256&state=af0ifjsldkj&resource=${encodeURIComponent(SERVER)}&scope=mcp%3Atools`;
  const callbackUrl = `${REDIRECT}?code=${CODE}&state=af0ifjsldkj&iss=${encodeURIComponent(ISSUER)}`;
  const exchanges: Exchange[] = [
    exchange(
      'mcp-unauthenticated',
      { method: 'POST', url: SERVER, headers: [['content-type', 'application/json']], body: '{"jsonrpc":"2.0","id":1,"method":"initialize"}' },
      {
        status: 401,
        headers: [
          ['www-authenticate', `Bearer realm="mcp", resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource/mcp", scope="mcp:tools"`],
          ['set-cookie', `session=${SESSION_COOKIE}; Path=/; HttpOnly; Secure`],
        ],
        body: '{"error":"invalid_token","code":401}',
      },
    ),
    exchange(
      'registration',
      {
        method: 'POST',
        url: `${ISSUER}/register`,
        headers: [['content-type', 'application/json']],
        body: JSON.stringify({ redirect_uris: [REDIRECT], token_endpoint_auth_method: 'client_secret_post' }),
      },
      {
        status: 201,
        body: JSON.stringify(
          {
            client_id: 'client-123',
            client_secret: CLIENT_SECRET,
            registration_access_token: REGISTRATION_ACCESS_TOKEN,
            token_endpoint_auth_method: 'client_secret_post',
          },
          null,
          2,
        ),
      },
    ),
    exchange('authorize', { method: 'GET', url: authorizeUrl, headers: [] }, { status: 302, headers: [['location', callbackUrl]] }),
    exchange('authorize', { method: 'GET', url: callbackUrl, headers: [] }),
    exchange(
      'token',
      {
        method: 'POST',
        url: `${ISSUER}/token`,
        headers: [...FORM_HEADERS, ['cookie', `session=${SESSION_COOKIE}; theme=dark`]],
        body: form({
          grant_type: 'authorization_code',
          code: CODE,
          code_verifier: CODE_VERIFIER,
          redirect_uri: REDIRECT,
          client_id: 'client-123',
          client_secret: CLIENT_SECRET,
          resource: SERVER,
        }),
      },
      {
        status: 200,
        body: JSON.stringify({
          access_token: ACCESS_TOKEN,
          token_type: 'Bearer',
          expires_in: 3600,
          refresh_token: REFRESH_TOKEN,
          id_token: ID_TOKEN,
          scope: 'mcp:tools',
        }),
      },
    ),
    exchange(
      'mcp-authenticated',
      {
        method: 'POST',
        url: SERVER,
        headers: [
          ['authorization', `Bearer ${ACCESS_TOKEN}`],
          ['content-type', 'application/json'],
        ],
        body: '{"jsonrpc":"2.0","id":2,"method":"tools/list"}',
      },
      { status: 200, body: '{"jsonrpc":"2.0","id":2,"result":{"tools":[{"name":"echo"}]}}' },
    ),
    exchange(
      'refresh-1',
      {
        method: 'POST',
        url: `${ISSUER}/token`,
        headers: [...FORM_HEADERS, ['authorization', `Basic ${BASIC}`]],
        body: form({ grant_type: 'refresh_token', refresh_token: REFRESH_TOKEN, resource: SERVER }),
      },
      { status: 200, body: `{"access_token":"${OPAQUE_ACCESS_TOKEN}","token_type":"Bearer","refresh_token":"${ROTATED_REFRESH_TOKEN}"}` },
    ),
    exchange(
      'tool-call-1',
      {
        method: 'POST',
        url: SERVER,
        headers: [['Authorization', `Bearer ${OPAQUE_ACCESS_TOKEN}`]],
        body: '{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"echo"}}',
      },
      { status: 403, headers: [['www-authenticate', 'Bearer error="insufficient_scope", scope="mcp:tools mcp:write"']], body: '' },
    ),
    exchange(
      'token',
      {
        method: 'POST',
        url: `${ISSUER}/token`,
        headers: FORM_HEADERS,
        body: form({
          grant_type: 'client_credentials',
          client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
          client_assertion: ASSERTION,
        }),
      },
      { status: 200, headers: [['content-type', 'application/x-www-form-urlencoded']], body: form({ access_token: NEW_ACCESS_TOKEN, token_type: 'bearer' }) },
    ),
    exchange(
      'mcp-authenticated',
      { method: 'GET', url: `${SERVER}?access_token=${encodeURIComponent(OPAQUE_ACCESS_TOKEN)}`, headers: [] },
      { status: 401, body: '' },
    ),
  ];
  const stepIds = [...new Set(exchanges.map((entry) => entry.stepId))];
  return {
    format: 'mcp-auth-flow/session@1',
    settings: {
      serverUrl: SERVER,
      specVersion: '2025-11-25',
      timeoutMs: 15_000,
      redirectUri: REDIRECT,
      clientName: 'report test',
      registration: { mode: 'pre-registered', clientId: 'client-123', clientSecret: CLIENT_SECRET },
    },
    status: 'done',
    steps: [
      ...stepIds.map((id) => ({
        id,
        kind: (id.replace(/-\d+$/, '') === 'refresh' || id.startsWith('tool-call') ? 'mcp-authenticated' : id) as FlowSession['steps'][number]['kind'],
        status: 'ok' as const,
        exchangeIds: exchanges.filter((entry) => entry.stepId === id).map((entry) => entry.id),
        notes: [] as string[],
      })),
      {
        id: 'callback',
        kind: 'callback',
        status: 'ok',
        exchangeIds: [],
        notes: [`code = ${CODE}`, 'state = af0ifjsldkj', `iss = ${ISSUER}`],
        summary: 'Code received; state and iss check out.',
      },
    ],
    exchanges,
    findings: [
      {
        id: 'f1',
        ruleId: 'token.audience-mismatch',
        severity: 'error',
        stepId: 'token',
        exchangeId: 'x5',
        detail: `The token ${ACCESS_TOKEN} has aud "${SERVER}x".`,
      },
      {
        id: 'f2',
        ruleId: 'no.such-rule',
        severity: 'warning',
        stepId: 'token',
        detail: `Refresh token ${REFRESH_TOKEN} was not rotated; secret ${CLIENT_SECRET}`,
      },
    ],
    learned: {
      challengeScope: 'mcp:tools',
      resourceMetadataUrl: 'https://mcp.example.com/.well-known/oauth-protected-resource/mcp',
      prm: { resource: SERVER, authorization_servers: [ISSUER], scopes_supported: ['mcp:tools', 'mcp:write'] },
      issuer: ISSUER,
      asMetadata: { issuer: ISSUER, authorization_endpoint: `${ISSUER}/authorize`, token_endpoint: `${ISSUER}/token` },
      client: {
        client_id: 'client-123',
        client_secret: CLIENT_SECRET,
        token_endpoint_auth_method: 'client_secret_post',
        registration_access_token: REGISTRATION_ACCESS_TOKEN,
      },
      pkce: { verifier: CODE_VERIFIER, challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', method: 'S256' },
      state: 'af0ifjsldkj',
      scope: 'mcp:tools',
      resource: SERVER,
      authorizeUrl,
      callbackUrl,
      code: CODE,
      tokens: { access_token: ACCESS_TOKEN, token_type: 'Bearer', expires_in: 3600, refresh_token: REFRESH_TOKEN, scope: 'mcp:tools' },
      accessTokenClaims: { iss: ISSUER, aud: SERVER, scope: 'mcp:tools', exp: 1_900_000_000, sub: 'alice' },
      mcpSessionId: 'mcp-session-1',
      tools: [{ name: 'echo', description: 'Echoes' }],
    },
  };
}

/** The authorize step's own note, written the way the engine writes it. */
function withVerifierNote(session: FlowSession): FlowSession {
  const steps = session.steps.map((step) =>
    step.id === 'authorize'
      ? {
          ...step,
          notes: [
            `code_verifier = ${CODE_VERIFIER} (kept secret)`,
            'code_challenge = BASE64URL(SHA-256(code_verifier)) = E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
          ],
        }
      : step,
  );
  return { ...session, steps };
}

describe('buildReport', () => {
  it('leaves no secret anywhere in the report', () => {
    const json = JSON.stringify(buildReport(withVerifierNote(realisticSession())));
    for (const [name, secret] of Object.entries(SECRETS)) {
      expect(json.includes(secret), `${name} leaked`).toBe(false);
    }
  });

  it('keeps the redacted text readable', () => {
    const report = buildReport(withVerifierNote(realisticSession()));
    const byId = (id: string) => report.exchanges.find((entry) => entry.id === id)!;
    const header = (entry: Exchange, name: string) => entry.request.headers.find(([key]) => key.toLowerCase() === name)?.[1];

    expect(header(byId('x6'), 'authorization')).toBe('Bearer eyJhbGciOi…[redacted JWT]');
    expect(header(byId('x7'), 'authorization')).toBe('Basic [redacted]');
    expect(header(byId('x5'), 'cookie')).toBe('session=[redacted]; theme=[redacted]');
    expect(byId('x1').response!.headers.find(([name]) => name === 'set-cookie')?.[1]).toBe('session=[redacted]; Path=/; HttpOnly; Secure');
    // Challenges are not credentials.
    expect(byId('x1').response!.headers[0]![1]).toContain('resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource/mcp"');
    expect(byId('x1').response!.body).toBe('{"error":"invalid_token","code":401}');

    const tokenRequest = new URLSearchParams(byId('x5').request.body);
    expect(tokenRequest.get('code')).toBe('[redacted]');
    expect(tokenRequest.get('code_verifier')).toBe('[redacted]');
    expect(tokenRequest.get('client_secret')).toBe('[redacted]');
    expect(tokenRequest.get('redirect_uri')).toBe(REDIRECT);
    expect(tokenRequest.get('resource')).toBe(SERVER);

    const tokenResponse = JSON.parse(byId('x5').response!.body) as Record<string, unknown>;
    expect(tokenResponse).toEqual({
      access_token: 'eyJhbGciOi…[redacted JWT]',
      token_type: 'Bearer',
      expires_in: 3600,
      refresh_token: '[redacted]',
      id_token: 'eyJhbGciOi…[redacted JWT]',
      scope: 'mcp:tools',
    });
    // The registration response keeps its layout; only the values go.
    expect(byId('x2').response!.body).toContain('"client_secret": "[redacted]"');
    expect(byId('x2').response!.body).toContain('"client_id": "client-123"');

    expect(byId('x4').request.url).toBe(`${REDIRECT}?code=[redacted]&state=af0ifjsldkj&iss=${encodeURIComponent(ISSUER)}`);
    expect(byId('x3').response!.headers[0]![1]).toContain('code=[redacted]&state=af0ifjsldkj');
    expect(byId('x3').request.url).toContain('code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');

    const callback = report.steps.find((step) => step.id === 'callback')!;
    expect(callback.notes).toEqual(['code = [redacted]', 'state = af0ifjsldkj', `iss = ${ISSUER}`]);
    expect(report.steps.find((step) => step.id === 'authorize')!.notes[0]).toBe('code_verifier = [redacted] (kept secret)');
    expect(report.findings[1]!.detail).toBe('Refresh token [redacted] was not rotated; secret [redacted]');
  });

  it('exports non-secret facts, never `learned` wholesale', () => {
    const report = buildReport(realisticSession());
    expect(report).not.toHaveProperty('learned');
    expect(report.facts).toEqual({
      resource: SERVER,
      resourceMetadataUrl: 'https://mcp.example.com/.well-known/oauth-protected-resource/mcp',
      authorizationServers: [ISSUER],
      scopesSupported: ['mcp:tools', 'mcp:write'],
      challengeScope: 'mcp:tools',
      issuer: ISSUER,
      clientId: 'client-123',
      tokenEndpointAuthMethod: 'client_secret_post',
      requestedScope: 'mcp:tools',
      grantedScope: 'mcp:tools',
      tokenType: 'Bearer',
      expiresIn: 3600,
      refreshTokenIssued: true,
      accessTokenClaims: { iss: ISSUER, aud: SERVER, scope: 'mcp:tools', exp: 1_900_000_000 },
      tools: [{ name: 'echo', description: 'Echoes' }],
    });
    expect(report.settings).toMatchObject({ registrationMode: 'pre-registered', clientId: 'client-123', clientSecretConfigured: true });
    expect(report.settings).not.toHaveProperty('clientSecret');
  });

  it('carries the header, the steps with titles, and the findings with their rule', () => {
    const report = buildReport(realisticSession(), { now: new Date('2026-01-02T03:04:05Z') });
    expect(report).toMatchObject({
      format: REPORT_FORMAT,
      generator: GENERATOR,
      generatedAt: '2026-01-02T03:04:05.000Z',
      server: SERVER,
      specVersion: '2025-11-25',
      status: 'done',
      redacted: true,
    });
    expect(report.steps.find((step) => step.id === 'token')).toMatchObject({ kind: 'token', title: 'Token request', status: 'ok', exchangeIds: ['x5', 'x9'] });
    expect(report.findings[0]).toMatchObject({ ruleId: 'token.audience-mismatch', severity: 'error', stepId: 'token', exchangeId: 'x5' });
    expect(report.findings[0]!.fix).toMatch(/resource/);
    expect(report.findings[0]!.link).toMatch(/^https:/);
    expect(report.findings[1]).not.toHaveProperty('fix');
    expect(report.exchanges).toHaveLength(10);
  });

  it('keeps the secrets when asked to', () => {
    const json = JSON.stringify(buildReport(realisticSession(), { includeSecrets: true }));
    expect(json).toContain(ACCESS_TOKEN);
    expect(json).toContain(REFRESH_TOKEN);
    expect(json).toContain(CODE_VERIFIER);
    expect(JSON.parse(json)).toMatchObject({ redacted: false });
  });

  it('round-trips through parseReport', () => {
    const report = buildReport(realisticSession());
    expect(parseReport(JSON.parse(JSON.stringify(report)))).toEqual(report);
    expect(parseReport(JSON.stringify(report))).toEqual(report);
  });

  it('names the same version as package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
    expect(GENERATOR).toEqual({ name: 'mcp-auth-flow', version: pkg.version });
  });
});

describe('the server URL in a report', () => {
  it('loses a credential in its query string, unless secrets are included', async () => {
    const { createSession } = await import('../flow/create-session.ts');
    const session = createSession({
      serverUrl: 'https://mcp.example.com/mcp?access_token=abcdefghijklmnop',
      specVersion: '2026-07-28',
      timeoutMs: 15_000,
      redirectUri: 'http://localhost:5173/callback',
      clientName: 'test',
      registration: { mode: 'auto' },
    });
    expect(buildReport(session).server).toBe('https://mcp.example.com/mcp?access_token=[redacted]');
    expect(buildReport(session, { includeSecrets: true }).server).toContain('abcdefghijklmnop');
  });
});
