import { describe, expect, it } from 'vitest';
import { buildHar } from '../export/har.ts';
import { createSession } from '../flow/create-session.ts';
import type { Exchange } from '../model/exchange.ts';
import type { FlowSession } from '../model/session.ts';
import { buildReport } from './build-report.ts';

const PASSWORD = 'hunter2-userinfo-password';
const USER = 'deploy-bot-user';
const API_KEY = 'ak_9f8e7d6c5b4a3210';
const HEADER_STYLE_KEY = 'xk_0123456789abcdef';
const SHORT_KEY = 'k1';
const SERVER = `https://${USER}:${PASSWORD}@mcp.example.com/mcp?API_KEY=${API_KEY}&x-api-key=${HEADER_STYLE_KEY}&Key=${SHORT_KEY}&tenant=acme`;

function sessionWith(exchanges: Exchange[], serverUrl = SERVER): FlowSession {
  const session = createSession({
    serverUrl,
    specVersion: '2026-07-28',
    timeoutMs: 15_000,
    redirectUri: 'http://localhost:5173/callback',
    clientName: 'test',
    registration: { mode: 'auto' },
  });
  session.exchanges = exchanges;
  session.findings = [{ id: 'f1', ruleId: 'http.network-error', severity: 'error', detail: `Could not reach ${serverUrl}`, stepId: 'mcp-unauthenticated' }];
  return session;
}

function mcpExchange(url: string, body: string): Exchange {
  return {
    id: 'x1',
    stepId: 'mcp-unauthenticated',
    from: 'client',
    to: 'mcp',
    label: `POST ${url}`,
    request: { method: 'POST', url, headers: [['content-type', 'application/json']], body: '{}' },
    response: { status: 401, statusText: 'Unauthorized', headers: [], body, bodyBytes: body.length, bodyTruncated: false, finalUrl: url, redirected: false },
    outcome: 'response',
    startedAt: 0,
    durationMs: 1,
  } as Exchange;
}

describe('exports redact credentials in the server URL', () => {
  it('leave no userinfo and no credential-like query value in the report or the HAR', () => {
    const session = sessionWith([mcpExchange(SERVER, `{"error":"bad key ${API_KEY}"}`)]);
    for (const exported of [JSON.stringify(buildReport(session)), JSON.stringify(buildHar(session))]) {
      for (const secret of [PASSWORD, USER, API_KEY, HEADER_STYLE_KEY, `Key=${SHORT_KEY}`]) expect(exported).not.toContain(secret);
      expect(exported).toContain('tenant=acme');
    }
    expect(buildReport(session).server).toBe('https://[redacted]@mcp.example.com/mcp?API_KEY=[redacted]&x-api-key=[redacted]&Key=[redacted]&tenant=acme');
  });
});

describe('exports of text a hostile server sent', () => {
  it('survive lone surrogates and NUL bytes, in secrets and anywhere else', () => {
    // A JSON body can spell a lone surrogate as an escape; parsed, it becomes a secret to sweep for.
    const body = '{"access_token":"\\ud800lone-surrogate-token","note":"\\udc00\\u0000"}';
    const session = sessionWith([mcpExchange('https://mcp.example.com/mcp\ud800', body)], 'https://mcp.example.com/mcp');
    session.steps[0] = { ...session.steps[0]!, notes: ['\ud800\0', '\udfff'], summary: '\ud83d' };
    const report = JSON.stringify(buildReport(session));
    expect(report).not.toContain('lone-surrogate-token');
    expect(report).toContain('\ufffd\\u0000');
    expect(JSON.stringify(buildHar(session))).not.toContain('lone-surrogate-token');
  });
});
