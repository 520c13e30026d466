import { describe, expect, it } from 'vitest';
import { isForbiddenMethod, isForbiddenRequestHeader, isRelayAnswer } from './contract.ts';

describe('Fetch "forbidden request-header", shared by the relay and the engine', () => {
  it.each(['Cookie', 'host', 'Origin', 'Content-Length', 'Accept-Encoding', 'Sec-Fetch-Mode', 'Proxy-Authorization', 'Access-Control-Request-Headers'])(
    '%s is set by the browser, never by a script',
    (name) => {
      expect(isForbiddenRequestHeader(name, 'x')).toBe(true);
    },
  );

  it.each(['Authorization', 'Content-Type', 'Mcp-Session-Id', 'User-Agent', 'X-Forwarded-For'])('%s is not on the Fetch list', (name) => {
    expect(isForbiddenRequestHeader(name, 'x')).toBe(false);
  });

  // The same cases as web-platform-tests fetch/api/headers/headers-forbidden-override.any.js.
  it.each(['TRACE', 'track', '\tconnect', 'GET,track ', ' connect', 'trace,'])('a method override of %j is forbidden', (value) => {
    for (const name of ['X-HTTP-Method', 'x-http-method-override', 'X-Method-Override']) expect(isForbiddenRequestHeader(name, value)).toBe(true);
  });

  it.each(['GETTRACE', 'GET', '",TRACE",', 'PUT, DELETE'])('a method override of %j is allowed', (value) => {
    expect(isForbiddenRequestHeader('X-HTTP-Method-Override', value)).toBe(false);
  });

  it('splits a long override value in linear time', () => {
    const value = `${'"\\",'.repeat(200_000)}TRACE`;
    const started = performance.now();
    isForbiddenRequestHeader('x-http-method', value);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('knows the forbidden methods in any case', () => {
    expect(['CONNECT', 'trace', 'Track'].every(isForbiddenMethod)).toBe(true);
    expect(isForbiddenMethod('DELETE')).toBe(false);
  });
});

describe('the relay answer, checked on arrival', () => {
  const response = {
    status: 200,
    statusText: 'OK',
    headers: [['content-type', 'application/json']],
    body: '{}',
    bodyBytes: 2,
    truncated: false,
    durationMs: 3,
  };

  it('takes an answer with a response and an optional preflight', () => {
    expect(isRelayAnswer({ response })).toBe(true);
    expect(isRelayAnswer({ preflight: { error: 'refused', kind: 'network' }, response })).toBe(true);
  });

  it('refuses what is not one', () => {
    expect(isRelayAnswer({ response: { ...response, headers: [['a']] } })).toBe(false);
    expect(isRelayAnswer({ response: { error: 'x', kind: 'other' } })).toBe(false);
    expect(isRelayAnswer('{"response":{}}')).toBe(false);
  });
});
