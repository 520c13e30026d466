import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { HeaderList } from '../model/header-list.ts';
import type { RecordedRequest } from '../model/exchange.ts';
import { corsVerdict } from './cors-verdict.ts';
import type { RelayAnswer, RelayedResponse } from '../relay/contract.ts';
import { buildRelayReport } from '../relay/relay-report.ts';
import { verdictFindingDetail } from './verdict-finding.ts';

/**
 * Real bytes: each fixture is what the relay of `npm start` answered for a real request to the
 * demo servers (its "recorded" field says which). Cases the demo has no scenario for change one
 * header of a recording, and say so.
 */
interface Recording {
  recorded: string;
  appOrigin: string;
  request: RecordedRequest;
  answer: RelayAnswer;
}
const load = (name: string): Recording => JSON.parse(readFileSync(new URL(`./test-fixtures/${name}.json`, import.meta.url), 'utf8')) as Recording;
const NEEDED = ['WWW-Authenticate', 'Mcp-Session-Id'];

function judge(
  recording: Recording,
  changes: { preflight?: (headers: HeaderList) => HeaderList; response?: (headers: HeaderList) => HeaderList } = {},
  credentials = false,
) {
  const { answer } = recording;
  const change = (outcome: RelayAnswer['response'] | undefined, edit?: (headers: HeaderList) => HeaderList) =>
    outcome && 'headers' in outcome && edit ? { ...outcome, headers: edit(outcome.headers) } : outcome;
  const preflight = change(answer.preflight, changes.preflight);
  return corsVerdict({
    request: recording.request,
    appOrigin: recording.appOrigin,
    ...(preflight ? { preflight } : {}),
    response: change(answer.response, changes.response)!,
    neededExposed: NEEDED,
    credentials,
  });
}

const replace =
  (name: string, value: string | null) =>
  (headers: HeaderList): HeaderList => [...headers.filter(([key]) => key !== name), ...(value === null ? [] : [[name, value] as [string, string]])];

describe('corsVerdict over recorded demo answers', () => {
  it('finds nothing wrong with the healthy demo, unauthenticated or with a token and session', () => {
    expect(judge(load('demo-healthy'))).toEqual([]);
    expect(judge(load('demo-healthy-authenticated'))).toEqual([]);
  });

  it('challenge-not-exposed: WWW-Authenticate is sent but not exposed, and the line to send keeps Mcp-Session-Id', () => {
    const verdicts = judge(load('demo-challenge-not-exposed'));
    expect(verdicts).toEqual([
      {
        ruleId: 'cors.header-not-exposed',
        on: 'response',
        detail: expect.stringContaining('WWW-Authenticate: Bearer resource_metadata=') as string,
        headerLine: 'Access-Control-Expose-Headers: Mcp-Session-Id, WWW-Authenticate',
      },
    ]);
    expect(verdicts[0]!.detail).toContain('Access-Control-Expose-Headers lists only Mcp-Session-Id, so the browser hides it from the script.');
  });

  it('no-cors: every fix at once, the missing origin once for the preflight and the response together', () => {
    const recording = load('demo-no-cors');
    const verdicts = judge(recording);
    expect(verdicts.map((verdict) => verdict.ruleId)).toEqual(['cors.no-allow-origin', 'cors.header-not-allowed', 'cors.header-not-exposed']);
    expect(verdicts[1]!.headerLine).toBe('Access-Control-Allow-Headers: Content-Type, Mcp-Method, Mcp-Protocol-Version');
    expect(verdicts[0]).toEqual({
      ruleId: 'cors.no-allow-origin',
      on: 'both',
      detail: 'The preflight (OPTIONS /s/no-cors/mcp → 204) and the response (POST /s/no-cors/mcp → 401): no Access-Control-Allow-Origin.',
      headerLine: 'Access-Control-Allow-Origin: http://localhost:5173',
    });
    expect(verdictFindingDetail(verdicts[0]!)).toMatch(/ Send: Access-Control-Allow-Origin: http:\/\/localhost:5173$/);
  });

  it('preflight-needs-auth: auth before CORS, and the whole preflight answer to send instead', () => {
    const verdicts = judge(load('demo-preflight-needs-auth'));
    expect(verdicts[0]).toMatchObject({ ruleId: 'cors.preflight-unauthorized', on: 'preflight' });
    expect(verdicts[0]!.headerLine).toBe(
      [
        'HTTP/1.1 204 No Content',
        'Access-Control-Allow-Origin: http://localhost:5173',
        'Access-Control-Allow-Headers: Content-Type, Mcp-Method, Mcp-Protocol-Version',
        'Access-Control-Max-Age: 600',
      ].join('\n'),
    );
    expect(verdictFindingDetail(verdicts[0]!)).toContain('Answer it with: HTTP/1.1 204 No Content | Access-Control-Allow-Origin: http://localhost:5173 |');
    // Its 401 has no CORS either: the server developer gets both fixes at once.
    expect(verdicts.map((verdict) => verdict.ruleId)).toContain('cors.no-allow-origin');
  });

  it('token-no-cors: a form POST has no preflight, only the missing Access-Control-Allow-Origin', () => {
    const verdicts = judge(load('demo-token-no-cors'));
    expect(verdicts).toEqual([
      {
        ruleId: 'cors.no-allow-origin',
        on: 'response',
        detail: expect.stringMatching(/^The response \(POST \/s\/token-no-cors\/token → 401\): no Access-Control-Allow-Origin\.$/) as string,
        headerLine: 'Access-Control-Allow-Origin: http://localhost:5173',
      },
    ]);
  });
});

describe('corsVerdict over the healthy recording with one header changed', () => {
  const healthy = load('demo-healthy');
  const authenticated = load('demo-healthy-authenticated');

  it('Access-Control-Allow-Origin with a trailing slash, a list, or another origin', () => {
    for (const [value, says] of [
      ['http://localhost:5173/', 'An origin has no path, not even "/"'],
      ['http://localhost:5173, https://app.example.com', 'never a list'],
      ['https://app.example.com', "another origin than this app's"],
    ] as const) {
      const verdicts = judge(healthy, { response: replace('access-control-allow-origin', value) });
      expect(verdicts).toEqual([
        expect.objectContaining({ ruleId: 'cors.origin-mismatch', on: 'response', headerLine: 'Access-Control-Allow-Origin: http://localhost:5173' }),
      ]);
      expect(verdicts[0]!.detail).toContain(says);
    }
  });

  it('Access-Control-Allow-Headers: * covers Mcp-Session-Id but never Authorization', () => {
    const verdicts = judge(authenticated, { preflight: replace('access-control-allow-headers', '*') });
    expect(verdicts).toEqual([
      {
        ruleId: 'cors.header-not-allowed',
        on: 'preflight',
        detail: expect.stringContaining('Access-Control-Allow-Headers: * does not allow Authorization. A * there does not cover Authorization') as string,
        headerLine: 'Access-Control-Allow-Headers: *, Authorization',
      },
    ]);
    // With credentials a * is just a name, so nothing at all is allowed.
    const withCredentials = judge(authenticated, { preflight: (headers) => replace('access-control-allow-headers', '*')(headers) }, true);
    expect(withCredentials.find((verdict) => verdict.ruleId === 'cors.header-not-allowed')?.headerLine).toBe(
      'Access-Control-Allow-Headers: *, Authorization, Content-Type, Mcp-Protocol-Version, Mcp-Session-Id',
    );
  });

  it('a list missing Mcp-Protocol-Version, and one that does not parse', () => {
    const missing = judge(healthy, { preflight: replace('access-control-allow-headers', 'content-type, mcp-method') });
    expect(missing).toEqual([
      expect.objectContaining({
        ruleId: 'cors.header-not-allowed',
        headerLine: 'Access-Control-Allow-Headers: content-type, mcp-method, Mcp-Protocol-Version',
      }),
    ]);
    const spaces = judge(healthy, { preflight: replace('access-control-allow-headers', 'content-type mcp-method mcp-protocol-version') });
    expect(spaces[0]!.detail).toContain('is not a comma-separated list of header names, so a browser rejects the whole preflight');
  });

  it('a method the preflight does not allow, compared byte for byte', () => {
    const remove = { ...healthy, request: { ...healthy.request, method: 'DELETE' } };
    expect(judge(remove, { preflight: replace('access-control-allow-methods', 'GET, POST') })).toEqual([
      expect.objectContaining({
        ruleId: 'cors.method-not-allowed',
        detail: expect.stringContaining('allows only GET, POST, not DELETE.') as string,
        headerLine: 'Access-Control-Allow-Methods: GET, POST, DELETE',
      }),
    ]);
    expect(judge(remove, { preflight: replace('access-control-allow-methods', 'get, post, delete') })[0]?.ruleId).toBe('cors.method-not-allowed');
    expect(judge(remove, { preflight: replace('access-control-allow-methods', '*') })).toEqual([]);
  });

  it('Mcp-Session-Id sent but not exposed is its own, softer rule', () => {
    const initialize = load('demo-healthy');
    const withSession = {
      ...initialize,
      answer: {
        ...initialize.answer,
        response: {
          ...(initialize.answer.response as RelayedResponse),
          headers: [...(initialize.answer.response as RelayedResponse).headers, ['mcp-session-id', 'abc'] as [string, string]],
        },
      },
    };
    const verdicts = judge(withSession, { response: replace('access-control-expose-headers', 'WWW-Authenticate') });
    expect(verdicts).toEqual([
      expect.objectContaining({ ruleId: 'cors.session-id-not-exposed', headerLine: 'Access-Control-Expose-Headers: WWW-Authenticate, Mcp-Session-Id' }),
    ]);
    expect(judge(withSession, { response: replace('access-control-expose-headers', '*') })).toEqual([]);
  });

  it('a wildcard origin with Access-Control-Allow-Credentials: true', () => {
    const both = (headers: HeaderList) => replace('access-control-allow-credentials', 'true')(replace('access-control-allow-origin', '*')(headers));
    const verdicts = judge(healthy, { preflight: both, response: both });
    expect(verdicts).toEqual([
      expect.objectContaining({ ruleId: 'cors.wildcard-with-credentials', on: 'both', headerLine: 'Access-Control-Allow-Origin: http://localhost:5173' }),
    ]);
  });

  it('a redirected preflight, and a redirected request after a preflight', () => {
    const preflight = healthy.answer.preflight as RelayedResponse;
    const redirect: RelayedResponse = { ...preflight, status: 308, statusText: 'Permanent Redirect', location: '/mcp/', headers: [['location', '/mcp/']] };
    const onPreflight = corsVerdict({ request: healthy.request, appOrigin: healthy.appOrigin, preflight: redirect, response: healthy.answer.response });
    expect(onPreflight[0]).toMatchObject({ ruleId: 'cors.redirect-on-preflight', on: 'preflight' });
    expect(onPreflight[0]!.detail).toContain('A browser never follows a redirect of a preflight');

    const response = healthy.answer.response as RelayedResponse;
    const moved: RelayedResponse = {
      ...response,
      status: 302,
      statusText: 'Found',
      location: 'https://mcp.example.com/v2/mcp',
      headers: [...response.headers, ['location', 'https://mcp.example.com/v2/mcp']],
    };
    const onRequest = corsVerdict({ request: healthy.request, appOrigin: healthy.appOrigin, preflight, response: moved });
    expect(onRequest).toEqual([expect.objectContaining({ ruleId: 'cors.redirect-on-preflight', on: 'response' })]);
    expect(onRequest[0]!.detail).toContain('a 302 also turns the POST into a GET without its JSON-RPC body');
    expect(onRequest[0]!.headerLine).toBeUndefined();
  });

  it('a preflight the server never answered, and a plain 404 to OPTIONS', () => {
    const noAnswer = corsVerdict({
      request: healthy.request,
      appOrigin: healthy.appOrigin,
      preflight: { kind: 'timeout', error: 'No answer within 5000 ms.' },
      response: healthy.answer.response,
    });
    expect(noAnswer[0]).toMatchObject({ ruleId: 'cors.preflight-failed', detail: expect.stringContaining('no answer: No answer within 5000 ms.') as string });
    const preflight = healthy.answer.preflight as RelayedResponse;
    const notFound = corsVerdict({
      request: healthy.request,
      appOrigin: healthy.appOrigin,
      preflight: { ...preflight, status: 404, statusText: 'Not Found' },
      response: healthy.answer.response,
    });
    expect(notFound[0]).toMatchObject({ ruleId: 'cors.preflight-failed', on: 'preflight' });
  });

  it('says nothing about a same-origin request', () => {
    expect(corsVerdict({ request: healthy.request, appOrigin: new URL(healthy.request.url).origin, response: healthy.answer.response })).toEqual([]);
  });
});

describe('buildRelayReport', () => {
  it('tells a header hidden by CORS from one the server never sent', () => {
    const hidden = buildRelayReport({
      request: load('demo-challenge-not-exposed').request,
      appOrigin: 'http://localhost:5173',
      answer: load('demo-challenge-not-exposed').answer,
      neededExposed: NEEDED,
    });
    expect(hidden.needed).toEqual([
      { name: 'www-authenticate', sent: true, value: expect.stringContaining('Bearer resource_metadata=') as string, exposed: false },
      { name: 'mcp-session-id', sent: false, exposed: false },
    ]);
  });

  it('keeps no body: CORS is in the status and headers, and a re-sent token request may answer with fresh tokens', () => {
    const recording = load('demo-token-no-cors');
    const report = buildRelayReport({ request: recording.request, appOrigin: recording.appOrigin, answer: recording.answer, neededExposed: [] });
    expect(report.response).not.toHaveProperty('body');
    expect(report.response).toMatchObject({ status: 401, bodyBytes: 77 });
  });
});
