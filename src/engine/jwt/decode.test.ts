import { describe, expect, it } from 'vitest';
import { audienceIncludes, decodeJwt } from './decode.ts';

const b64url = (value: unknown): string => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
const jwt = (header: unknown, claims: unknown, signature = 'c2ln'): string => `${b64url(header)}.${b64url(claims)}.${signature}`;

describe('decodeJwt', () => {
  it('decodes header and claims', () => {
    const token = jwt({ alg: 'RS256', kid: 'k1', typ: 'at+jwt' }, { iss: 'https://as', aud: 'https://mcp/mcp', exp: 1700000000 });
    expect(decodeJwt(token)).toEqual({
      header: { alg: 'RS256', kid: 'k1', typ: 'at+jwt' },
      claims: { iss: 'https://as', aud: 'https://mcp/mcp', exp: 1700000000 },
    });
  });

  it('decodes a known token from RFC 7519 §3.1', () => {
    const token =
      'eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
    expect(decodeJwt(token)).toEqual({
      header: { typ: 'JWT', alg: 'HS256' },
      claims: { iss: 'joe', exp: 1300819380, 'http://example.com/is_root': true },
    });
  });

  it('decodes UTF-8 text, including characters outside the BMP', () => {
    const token = jwt({ alg: 'none' }, { name: 'Zoë 日本 😀' }, '');
    expect(decodeJwt(token)?.claims).toEqual({ name: 'Zoë 日本 😀' });
  });

  it('uses the base64url alphabet ("-" and "_"), not base64', () => {
    // These values encode to bytes whose plain base64 needs "+" or "/".
    const claims = { a: '??>', b: '~~~' };
    const part = b64url(claims);
    expect(part).toMatch(/[-_]/);
    expect(decodeJwt(`${b64url({ alg: 'none' })}.${part}.`)?.claims).toEqual(claims);
    expect(decodeJwt(`${b64url({ alg: 'none' })}.${part.replace(/-/g, '+').replace(/_/g, '/')}.`)).toBeUndefined();
  });

  it('tolerates surrounding whitespace and padding', () => {
    const header = Buffer.from('{"alg":"none"}').toString('base64');
    expect(header.endsWith('=')).toBe(true);
    expect(decodeJwt(`  ${header}.${b64url({ sub: 'x' })}.sig \n`)).toEqual({ header: { alg: 'none' }, claims: { sub: 'x' } });
  });

  it.each([
    ['an opaque token', 'mF_9.B5f-4.1JqM-extra'],
    ['an opaque token without dots', '2YotnFZFEjr1zCsicMWpAA'],
    ['a JWE with five parts', `${b64url({ alg: 'RSA-OAEP', enc: 'A256GCM' })}.a.b.c.d`],
    ['two parts', `${b64url({ alg: 'none' })}.${b64url({ sub: 'x' })}`],
    ['an empty header', `.${b64url({ sub: 'x' })}.sig`],
    ['claims that are an array', jwt({ alg: 'none' }, ['x'])],
    ['claims that are a string', jwt({ alg: 'none' }, 'x')],
    ['a header that is null', jwt(null, { sub: 'x' })],
    ['non-JSON payload', `${b64url({ alg: 'none' })}.${Buffer.from('not json').toString('base64url')}.sig`],
    ['invalid UTF-8', `${b64url({ alg: 'none' })}.${Buffer.from([0x7b, 0xff, 0xfe, 0x7d]).toString('base64url')}.sig`],
    ['illegal base64url characters', `${b64url({ alg: 'none' })}.e30*.sig`],
    ['an impossible base64 length', `${b64url({ alg: 'none' })}.e30ab.sig`],
    ['the empty string', ''],
  ])('returns undefined for %s', (_label, token) => {
    expect(decodeJwt(token)).toBeUndefined();
  });

  it('does not throw for a non-string at runtime', () => {
    expect(decodeJwt(undefined as unknown as string)).toBeUndefined();
  });
});

describe('audienceIncludes', () => {
  const resource = 'https://mcp.example.com/mcp';

  it('matches a string audience by canonical URI', () => {
    expect(audienceIncludes('https://mcp.example.com/mcp', resource)).toBe(true);
    expect(audienceIncludes('HTTPS://MCP.EXAMPLE.COM:443/mcp', resource)).toBe(true);
  });

  it('matches an entry of an array audience', () => {
    expect(audienceIncludes(['api://other', 'https://mcp.example.com/mcp'], resource)).toBe(true);
  });

  it('rejects a trailing-slash difference, other audiences and non-string values', () => {
    expect(audienceIncludes('https://mcp.example.com/mcp/', resource)).toBe(false);
    expect(audienceIncludes('https://mcp.example.com', resource)).toBe(false);
    expect(audienceIncludes(['api://other'], resource)).toBe(false);
    expect(audienceIncludes([], resource)).toBe(false);
    expect(audienceIncludes(undefined, resource)).toBe(false);
    expect(audienceIncludes(42, resource)).toBe(false);
    expect(audienceIncludes([42, null], resource)).toBe(false);
  });
});
