import { describe, expect, it } from 'vitest';
import { buildReport } from '../report/build-report.ts';
import type { FlowSession } from '../model/session.ts';
import { buildHar } from './har.ts';
import { importTrace, type TraceSource } from './import-trace.ts';
import { secretSession } from './test-support/secret-session.ts';

function imported(text: string, source: TraceSource): FlowSession {
  const result = importTrace(text);
  if ('error' in result) throw new Error(result.error);
  expect(result.source).toBe(source);
  return result.session;
}

const stepFacts = (session: { steps: Array<{ id: string; kind: string; status: string; summary?: string }> }) =>
  session.steps.map(({ id, kind, status, summary }) => ({ id, kind, status, summary }));
const findingFacts = (session: { findings: Array<{ ruleId: string; severity: string; detail: string }> }) =>
  session.findings.map(({ ruleId, severity, detail }) => ({ ruleId, severity, detail }));

describe('importTrace round trips', () => {
  const session = secretSession();
  const report = buildReport(session);

  it('session → report → import gives the same steps, exchanges and findings, as redacted', () => {
    const back = imported(JSON.stringify(report, null, 2), 'report');
    expect(stepFacts(back)).toEqual(stepFacts(report));
    expect(back.exchanges).toEqual(report.exchanges);
    expect(findingFacts(back)).toEqual(findingFacts(report));
    expect(back.status).toBe('failed');
    expect(back.offSpec).toBe(true);
  });

  it('session → HAR → import gives the same session as the report', () => {
    const fromHar = imported(JSON.stringify(buildHar(session)), 'har');
    const fromReport = imported(JSON.stringify(report), 'report');
    expect(fromHar).toEqual(fromReport);
    expect(fromHar.exchanges).toEqual(report.exchanges);
  });

  it('restores the session itself when the export kept the secrets', () => {
    const viewable = ({ input: _input, output: _output, continuable: _continuable, ...step }: FlowSession['steps'][number]) => step;
    for (const text of [JSON.stringify(buildReport(session, { includeSecrets: true })), JSON.stringify(buildHar(session, { includeSecrets: true }))]) {
      const back = imported(text, text.includes('"log"') ? 'har' : 'report');
      expect(back.exchanges).toEqual(session.exchanges);
      expect(back.steps).toEqual(session.steps.map(viewable));
      expect(back.findings).toEqual(session.findings);
      expect(back.settings).toEqual({ ...session.settings, registration: { mode: 'dcr', clientId: 'client-abc' } });
      // Secrets stay in the payloads the user chose to keep, never in `learned`.
      expect(back.learned).toEqual({ issuer: session.learned.issuer, resource: session.learned.resource });
    }
  });

  it('keeps an instance title but not the kind’s own title', () => {
    const back = imported(JSON.stringify(report), 'report');
    expect(back.steps.find((step) => step.id === 'tool-call-1')!.title).toBe('Call tool echo');
    expect(back.steps.find((step) => step.id === 'token')).not.toHaveProperty('title');
  });
});

describe('importTrace on a HAR from browser devtools', () => {
  const foreign = {
    log: {
      version: '1.2',
      creator: { name: 'WebInspector', version: '537.36' },
      pages: [],
      entries: [
        devtoolsEntry('POST', 'https://api.example.net/mcp', 401, {
          headers: [{ name: 'MCP-Protocol-Version', value: '2025-06-18' }],
          text: '{"error":"unauthorized"}',
        }),
        devtoolsEntry('GET', 'https://api.example.net/.well-known/oauth-protected-resource/mcp', 200),
        devtoolsEntry('GET', 'https://id.example.net/.well-known/openid-configuration', 200),
        devtoolsEntry('GET', 'https://id.example.net/realms/x/.well-known/oauth-authorization-server', 200),
        devtoolsEntry('POST', 'https://id.example.net/oauth2/register', 201),
        devtoolsEntry('POST', 'https://id.example.net/oauth2/token/', 0, { error: 'net::ERR_FAILED' }),
        devtoolsEntry('GET', 'https://id.example.net/logo.png', 200, { text: 'iVBORw0KGgo=', encoding: 'base64' }),
        {
          request: {
            method: 'GET',
            url: 'https://api.example.net/mcp',
            headers: [{ name: 5 }, null, { name: 'accept', value: 'text/event-stream' }],
            postData: 5,
          },
          response: 'none',
        },
      ],
    },
  };

  it('puts every entry in one imported step and says nothing was checked', () => {
    const session = imported(JSON.stringify(foreign), 'foreign-har');
    expect(session.status).toBe('done');
    expect(session.findings).toEqual([]);
    expect(session.steps).toHaveLength(1);
    const [step] = session.steps;
    expect(step).toMatchObject({
      id: 'imported',
      title: 'Imported from a HAR file',
      status: 'warning',
      exchangeIds: ['x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7', 'x8'],
    });
    expect(step!.notes.join(' ')).toMatch(/findings were not computed/i);
    expect(step!.summary).toBe('8 requests from a HAR file, 2 without a response; nothing was checked.');
    expect(session.settings).toMatchObject({ serverUrl: 'https://api.example.net/mcp', specVersion: '2025-06-18' });
  });

  it('guesses lanes from paths and hosts and keeps what the browser recorded', () => {
    const session = imported(JSON.stringify(foreign), 'foreign-har');
    // The logo is on the host that served the authorization server metadata: the authorization server's lane.
    expect(session.exchanges.map((exchange) => exchange.to)).toEqual(['mcp', 'mcp', 'as', 'as', 'as', 'as', 'as', 'mcp']);
    const [first, , , , , token, logo, bare] = session.exchanges;
    expect(first).toMatchObject({
      from: 'client',
      label: 'POST /mcp',
      outcome: 'response',
      request: { body: '{"jsonrpc":"2.0","id":1,"method":"initialize"}' },
      response: { status: 401, body: '{"error":"unauthorized"}', headers: [['content-type', 'application/json']] },
    });
    expect(first!.startedAt).toBe(Date.parse('2026-01-01T00:00:01.000Z'));
    expect(token).toMatchObject({ outcome: 'network-error', error: 'net::ERR_FAILED' });
    expect(token).not.toHaveProperty('response');
    expect(logo!.response!.body).toMatch(/base64/);
    expect(bare).toMatchObject({ outcome: 'network-error', request: { headers: [['accept', 'text/event-stream']] }, startedAt: 0, durationMs: 0 });
  });
});

function devtoolsEntry(
  method: string,
  url: string,
  status: number,
  options: { headers?: Array<{ name: string; value: string }>; text?: string; encoding?: string; error?: string } = {},
) {
  return {
    _initiator: { type: 'script' },
    _resourceType: 'fetch',
    startedDateTime: '2026-01-01T00:00:01.000Z',
    time: 42.5,
    request: {
      method,
      url,
      httpVersion: 'http/2.0',
      headers: [{ name: 'content-type', value: 'application/json' }, ...(options.headers ?? [])],
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: 0,
      ...(method === 'POST' ? { postData: { mimeType: 'application/json', text: '{"jsonrpc":"2.0","id":1,"method":"initialize"}' } } : {}),
    },
    response: {
      status,
      statusText: '',
      httpVersion: 'http/2.0',
      headers: status ? [{ name: 'content-type', value: 'application/json' }] : [],
      cookies: [],
      content: {
        size: options.text?.length ?? 0,
        mimeType: 'application/json',
        ...(options.text ? { text: options.text } : {}),
        ...(options.encoding ? { encoding: options.encoding } : {}),
      },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
      ...(options.error ? { _error: options.error } : {}),
    },
    cache: {},
    timings: { blocked: -1, dns: -1, connect: -1, send: 0, wait: 42.5, receive: 0 },
  };
}
