import { describe, expect, it } from 'vitest';
import { GENERATOR } from '../report/report-format.ts';
import { buildHar } from './har.ts';
import type { HarEntry } from './har-format.ts';
import { MCP, REDIRECT, SECRETS, secretSession, secretSpellings } from './test-support/secret-session.ts';

const NOW = new Date('2026-03-04T05:06:07Z');
const entryOf = (entries: HarEntry[], id: string) => entries.find((entry) => entry._exchangeId === id)!;

/** What Chrome's HAR importer and the HAR 1.2 spec require of every entry. */
function expectValidEntry(entry: HarEntry): void {
  expect(Number.isNaN(Date.parse(entry.startedDateTime))).toBe(false);
  expect(entry.startedDateTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  for (const value of [
    entry.time,
    entry.timings.send,
    entry.timings.wait,
    entry.timings.receive,
    entry.request.headersSize,
    entry.request.bodySize,
    entry.response.status,
    entry.response.headersSize,
    entry.response.bodySize,
    entry.response.content.size,
  ]) {
    expect(typeof value).toBe('number');
    expect(Number.isFinite(value)).toBe(true);
  }
  expect(entry.time).toBe(entry.timings.send + entry.timings.wait + entry.timings.receive);
  for (const text of [
    entry.request.method,
    entry.request.url,
    entry.request.httpVersion,
    entry.response.statusText,
    entry.response.httpVersion,
    entry.response.redirectURL,
    entry.response.content.mimeType,
  ]) {
    expect(typeof text).toBe('string');
  }
  for (const list of [entry.request.headers, entry.request.queryString, entry.request.cookies, entry.response.headers, entry.response.cookies]) {
    expect(Array.isArray(list)).toBe(true);
    for (const item of list) expect(item).toEqual({ name: expect.any(String), value: expect.any(String) });
  }
  expect(entry.cache).toEqual({});
}

describe('buildHar', () => {
  it('writes HAR 1.2 with one entry per exchange, navigations included', () => {
    const session = secretSession();
    const har = buildHar(session, { now: NOW });
    expect(har.log).toMatchObject({ version: '1.2', creator: { name: 'mcp-auth-flow', version: GENERATOR.version } });
    expect(har.log.pages).toEqual([
      {
        startedDateTime: har.log.entries[0]!.startedDateTime,
        id: 'mcp-auth-flow',
        title: `MCP Auth Flow: ${MCP}`,
        pageTimings: { onContentLoad: -1, onLoad: -1 },
      },
    ]);
    expect(har.log.entries.map((entry) => entry._exchangeId)).toEqual(session.exchanges.map((exchange) => exchange.id));
    for (const entry of har.log.entries) {
      expectValidEntry(entry);
      expect(entry.pageref).toBe('mcp-auth-flow');
    }
    // It survives the trip through text that a download makes.
    expect(JSON.parse(JSON.stringify(har))).toEqual(har);
  });

  it('maps a request and its response field by field', () => {
    const session = secretSession();
    const entry = entryOf(buildHar(session).log.entries, 'x3');
    const exchange = session.exchanges.find((candidate) => candidate.id === 'x3')!;
    expect(entry.startedDateTime).toBe(new Date(exchange.startedAt).toISOString());
    expect(entry.time).toBe(exchange.durationMs);
    expect(entry.timings).toEqual({ blocked: -1, dns: -1, connect: -1, send: 0, wait: exchange.durationMs, receive: 0 });
    expect(entry.request).toEqual({
      method: 'POST',
      url: 'https://login.example.org/register',
      httpVersion: '',
      cookies: [],
      headers: [{ name: 'content-type', value: 'application/json' }],
      queryString: [],
      postData: { mimeType: 'application/json', text: exchange.request.body },
      headersSize: -1,
      bodySize: new TextEncoder().encode(exchange.request.body).length,
    });
    expect(entry.response).toMatchObject({
      status: 201,
      statusText: '',
      headers: [{ name: 'content-type', value: 'application/json' }],
      content: { size: exchange.response!.bodyBytes, mimeType: 'application/json' },
      redirectURL: '',
      headersSize: -1,
      bodySize: exchange.response!.bodyBytes,
      _finalUrl: 'https://login.example.org/register',
      _redirected: false,
      _responseType: 'cors',
      _bodyTruncated: false,
    });
    expect(JSON.parse(entry.response.content.text)).toEqual({ client_id: 'client-abc', client_secret: '[redacted]', registration_access_token: '[redacted]' });
    expect(entry).not.toHaveProperty('comment');
    expect(entry._resourceType).toBe('fetch');
  });

  it('leaves out postData when there is no body, and fills queryString and redirectURL', () => {
    const entries = buildHar(secretSession()).log.entries;
    const callback = entryOf(entries, 'x5');
    expect(callback.request).not.toHaveProperty('postData');
    expect(callback.request.bodySize).toBe(0);
    expect(callback.request.queryString).toEqual([
      { name: 'code', value: '[redacted]' },
      { name: 'state', value: 'st-123456789' },
      { name: 'iss', value: 'https://login.example.org' },
    ]);
    expect(entryOf(entries, 'x8').response.redirectURL).toBe(`${REDIRECT}?code=[redacted]`);
  });

  it('writes navigations and failures as status 0, with a comment or an _error', () => {
    const entries = buildHar(secretSession()).log.entries;
    const navigation = entryOf(entries, 'x4');
    expect(navigation).toMatchObject({
      _outcome: 'navigation',
      _noResponse: true,
      _resourceType: 'document',
      _lanes: { from: 'user', to: 'as' },
      response: { status: 0, content: { size: 0, text: '' } },
    });
    expect(navigation.comment).toMatch(/navigation/i);
    expect(navigation.response).not.toHaveProperty('_error');

    const blocked = entryOf(entries, 'x2');
    expect(blocked).toMatchObject({
      _outcome: 'blocked',
      _noResponse: true,
      _hiddenHeaders: ['WWW-Authenticate'],
      response: { status: 0, _error: 'The browser blocked the response (CORS).' },
    });
    expect(entryOf(entries, 'x9').response._error).toBe('No answer within 15 s for token [redacted].');
  });

  it('puts our step and finding data in _ fields', () => {
    const session = secretSession();
    const har = buildHar(session, { now: NOW });
    const token = entryOf(har.log.entries, 'x6');
    expect(token).toMatchObject({
      _exchangeId: 'x6',
      _stepId: 'token',
      _stepKind: 'token',
      _label: 'POST /token',
      _lanes: { from: 'client', to: 'as' },
      _outcome: 'response',
    });
    expect(token._findings).toEqual([{ ruleId: 'token.audience-mismatch', severity: 'error', detail: 'Token eyJhbGciOi…[redacted JWT] has the wrong aud.' }]);
    expect(entryOf(har.log.entries, 'x9')._stepKind).toBe('tool-call');
    expect(entryOf(har.log.entries, 'x1')._findings).toEqual([]);

    const data = har.log._mcpAuthFlow;
    expect(data).toMatchObject({
      format: 'mcp-auth-flow/har@1',
      generatedAt: NOW.toISOString(),
      server: MCP,
      specVersion: '2025-11-25',
      status: 'failed',
      offSpec: true,
      redacted: true,
    });
    expect(data.settings).toMatchObject({ registrationMode: 'dcr', clientId: 'client-abc', clientSecretConfigured: true, scopeOverride: 'mcp' });
    expect(data.steps.map(({ id, kind, title, status, summary }) => ({ id, kind, title, status, summary }))).toContainEqual({
      id: 'tool-call-1',
      kind: 'tool-call',
      title: 'Call tool echo',
      status: 'failed',
      summary: 'No answer.',
    });
    expect(data.steps.find((step) => step.id === 'callback')!.notes).toEqual(['code = [redacted]', 'state = st-123456789']);
    expect(data.findings.map((finding) => finding.id)).toEqual(['f1', 'f2', 'f3']);
  });

  it('leaves no token, code, verifier, client secret or cookie anywhere by default', () => {
    const json = JSON.stringify(buildHar(secretSession()));
    for (const [name, spelling] of secretSpellings()) expect(json.includes(spelling), `${name} leaked`).toBe(false);
    expect(json).not.toContain('clientSecret"');
  });

  it('keeps everything when asked to', () => {
    const har = buildHar(secretSession(), { includeSecrets: true });
    const json = JSON.stringify(har);
    for (const secret of [SECRETS.accessToken, SECRETS.refreshToken, SECRETS.code, SECRETS.verifier, SECRETS.sessionCookie, SECRETS.basic])
      expect(json).toContain(secret);
    expect(har.log._mcpAuthFlow.redacted).toBe(false);
    expect(har.log.comment).toMatch(/secrets/);
  });
});
