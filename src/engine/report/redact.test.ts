import { describe, expect, it } from 'vitest';
import { Redactor } from './redact.ts';

describe('Redactor', () => {
  const redactor = new Redactor(['a-long-known-secret']);

  it('redacts by shape, whatever the length', () => {
    expect(redactor.text('code=abc&state=xyz')).toBe('code=[redacted]&state=xyz');
    expect(redactor.text('https://app/cb#access_token=t1&token_type=Bearer')).toBe('https://app/cb#access_token=[redacted]&token_type=Bearer');
    expect(redactor.text('{"refresh_token" : "r1", "scope":"a"}')).toBe('{"refresh_token" : "[redacted]", "scope":"a"}');
    expect(redactor.text('Authorization: Bearer 0123456789abcdefXYZ')).toBe('Authorization: Bearer [redacted]');
  });

  it('redacts known secrets wherever they appear', () => {
    expect(redactor.text('Token rejected: a-long-known-secret (expired)')).toBe('Token rejected: [redacted] (expired)');
  });

  it('leaves challenges, parameter look-alikes and prose alone', () => {
    for (const text of [
      'Bearer realm="mcp", error="invalid_token", scope="mcp:tools"',
      'code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256',
      'client_assertion_type=urn%3Aietf',
      'The client sends a Bearer token in the Authorization header.',
      '{"jsonrpc":"2.0","error":{"code":-32601,"message":"Method not found"}}',
    ]) {
      expect(redactor.text(text)).toBe(text);
    }
  });

  it('keeps scheme and cookie names in headers', () => {
    expect(
      redactor.headers([
        ['Authorization', 'Basic Y2xpZW50OnNlY3JldA=='],
        ['Cookie', 'a=1; b=2'],
        ['Set-Cookie', 'sid=xyz; Path=/; HttpOnly'],
        ['DPoP', 'eyJ0eXAiOiJkcG9wK2p3dCJ9.eyJodG0iOiJQT1NUIn0.c2ln'],
        ['Content-Type', 'application/json'],
      ]),
    ).toEqual([
      ['Authorization', 'Basic [redacted]'],
      ['Cookie', 'a=[redacted]; b=[redacted]'],
      ['Set-Cookie', 'sid=[redacted]; Path=/; HttpOnly'],
      ['DPoP', 'eyJ0eXAiOi…[redacted JWT]'],
      ['Content-Type', 'application/json'],
    ]);
  });
});
