import { describe, expect, it } from 'vitest';
import { createSession } from '../engine/flow/create-session.ts';
import type { FlowSession } from '../engine/model/session.ts';
import { maskedSession } from './masked-session.ts';

const ACCESS = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZGEiLCJhdWQiOiJodHRwOi8vbG9jYWxob3N0OjUxNzUvbWNwIn0.c2lnbmF0dXJlLXZhbHVlLWhlcmU';
const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const CODE = 'SplxlOBeZQQYbYS6WxSbIA-authorization-code';

function sessionWithSecrets(): FlowSession {
  const session = createSession({
    serverUrl: 'http://localhost:5175/mcp',
    specVersion: '2026-07-28',
    timeoutMs: 15_000,
    redirectUri: 'http://localhost:5173/callback',
    clientName: 'test',
    registration: { mode: 'auto' },
  });
  session.learned = { pkce: { verifier: VERIFIER, challenge: 'x', method: 'S256' }, code: CODE, tokens: { access_token: ACCESS, token_type: 'Bearer' } };
  session.steps[5] = { ...session.steps[5]!, notes: [`code_verifier = ${VERIFIER} (kept secret)`] };
  session.exchanges = [
    {
      id: 'x1',
      stepId: 'token',
      from: 'client',
      to: 'as',
      label: 'POST /token',
      request: {
        method: 'POST',
        url: 'http://localhost:5174/token',
        headers: [],
        body: `grant_type=authorization_code&code=${CODE}&code_verifier=${VERIFIER}`,
      },
      response: {
        status: 200,
        statusText: 'OK',
        headers: [],
        body: JSON.stringify({ access_token: ACCESS }),
        bodyBytes: 10,
        bodyTruncated: false,
        finalUrl: '',
        redirected: false,
      },
      outcome: 'response',
      startedAt: 0,
      durationMs: 1,
    },
    {
      id: 'x2',
      stepId: 'mcp-authenticated',
      from: 'client',
      to: 'mcp',
      label: 'POST /mcp',
      request: { method: 'POST', url: 'http://localhost:5175/mcp', headers: [['authorization', `Bearer ${ACCESS}`]] },
      outcome: 'response',
      startedAt: 0,
      durationMs: 1,
    },
  ];
  session.findings = [{ id: 'f1', ruleId: 'callback.state-mismatch', severity: 'error', stepId: 'callback', detail: `code ${CODE} came back` }];
  return session;
}

describe('presenter masking', () => {
  it('hides every token, code and verifier in exchanges, notes and findings', () => {
    const { session } = maskedSession(sessionWithSecrets(), true);
    const shown = JSON.stringify({ exchanges: session.exchanges, steps: session.steps, findings: session.findings });
    for (const secret of [ACCESS, VERIFIER, CODE]) expect(shown).not.toContain(secret);
    expect(shown).toContain('[redacted]');
  });

  it('shows everything as recorded outside presenter mode', () => {
    const original = sessionWithSecrets();
    expect(maskedSession(original, false).session).toBe(original);
  });
});

describe('presenter masking of the server URL', () => {
  it('hides the userinfo and credential-like query values of the server URL', () => {
    const session = createSession({
      serverUrl: 'https://bot:userinfo-password-1@mcp.example.com/mcp?apikey=sk_live_abcdef&tenant=acme',
      specVersion: '2026-07-28',
      timeoutMs: 15_000,
      redirectUri: 'http://localhost:5173/callback',
      clientName: 'test',
      registration: { mode: 'auto' },
    });
    expect(maskedSession(session, true).session.settings.serverUrl).toBe('https://[redacted]@mcp.example.com/mcp?apikey=[redacted]&tenant=acme');
  });
});
