import { describe, expect, it } from 'vitest';
import { findBearerChallenge, parseWwwAuthenticate } from './www-authenticate.ts';

describe('parseWwwAuthenticate: valid input', () => {
  it('reads a Bearer challenge with quoted params', () => {
    expect(parseWwwAuthenticate('Bearer resource_metadata="https://a/b", scope="a b"')).toEqual({
      challenges: [{ scheme: 'Bearer', params: { resource_metadata: 'https://a/b', scope: 'a b' } }],
      errors: [],
    });
  });

  it('reads several challenges in one value', () => {
    const result = parseWwwAuthenticate('Basic realm="x", Bearer resource_metadata="https://a/b", scope="a b"');
    expect(result.errors).toEqual([]);
    expect(result.challenges).toEqual([
      { scheme: 'Basic', params: { realm: 'x' } },
      { scheme: 'Bearer', params: { resource_metadata: 'https://a/b', scope: 'a b' } },
    ]);
  });

  it('reads two header lines joined by Headers.get() with ", "', () => {
    const headers = new Headers();
    headers.append('WWW-Authenticate', 'Basic realm="simple"');
    headers.append('WWW-Authenticate', 'Bearer error="invalid_token", scope="mcp:tools"');
    const joined = headers.get('www-authenticate')!;
    expect(joined).toBe('Basic realm="simple", Bearer error="invalid_token", scope="mcp:tools"');
    expect(parseWwwAuthenticate(joined)).toEqual({
      challenges: [
        { scheme: 'Basic', params: { realm: 'simple' } },
        { scheme: 'Bearer', params: { error: 'invalid_token', scope: 'mcp:tools' } },
      ],
      errors: [],
    });
  });

  it('parses the RFC 9110 §11.6.1 example with an escaped quote', () => {
    const result = parseWwwAuthenticate('Newauth realm="apps", type=1, title="Login to \\"apps\\"", Basic realm="simple"');
    expect(result.errors).toEqual([]);
    expect(result.challenges).toEqual([
      { scheme: 'Newauth', params: { realm: 'apps', type: '1', title: 'Login to "apps"' } },
      { scheme: 'Basic', params: { realm: 'simple' } },
    ]);
  });

  it('lower-cases param names and keeps the scheme and values as sent', () => {
    const result = parseWwwAuthenticate('BEARER Resource_Metadata="https://A/B", SCOPE=Files.Read');
    expect(result.challenges).toEqual([{ scheme: 'BEARER', params: { resource_metadata: 'https://A/B', scope: 'Files.Read' } }]);
    expect(result.errors).toEqual([]);
  });

  it('unescapes backslash pairs, keeps commas inside quotes', () => {
    const result = parseWwwAuthenticate('Bearer error_description="a \\\\ b, \\"c\\", d", realm=x');
    expect(result.challenges).toEqual([{ scheme: 'Bearer', params: { error_description: 'a \\ b, "c", d', realm: 'x' } }]);
    expect(result.errors).toEqual([]);
  });

  it('accepts whitespace around "=" (BWS) and tabs as whitespace', () => {
    const result = parseWwwAuthenticate('Bearer realm = "x" ,\tscope\t=\t"a"');
    expect(result.challenges).toEqual([{ scheme: 'Bearer', params: { realm: 'x', scope: 'a' } }]);
    expect(result.errors).toEqual([]);
  });

  it('skips empty list elements', () => {
    const result = parseWwwAuthenticate(' , ,Bearer realm="x", , scope="y",, ,Basic, ');
    expect(result.challenges).toEqual([
      { scheme: 'Bearer', params: { realm: 'x', scope: 'y' } },
      { scheme: 'Basic', params: {} },
    ]);
    expect(result.errors).toEqual([]);
  });

  it('reads token68 values, with and without padding', () => {
    expect(parseWwwAuthenticate('Negotiate abc==')).toEqual({
      challenges: [{ scheme: 'Negotiate', params: {}, token68: 'abc==' }],
      errors: [],
    });
    expect(parseWwwAuthenticate('Basic dXNlcjpwYXNz, Negotiate a/b+c_d-e.f~=, Bearer realm="r"')).toEqual({
      challenges: [
        { scheme: 'Basic', params: {}, token68: 'dXNlcjpwYXNz' },
        { scheme: 'Negotiate', params: {}, token68: 'a/b+c_d-e.f~=' },
        { scheme: 'Bearer', params: { realm: 'r' } },
      ],
      errors: [],
    });
  });

  it('reads a scheme with no params, alone and in a list', () => {
    expect(parseWwwAuthenticate('Bearer')).toEqual({ challenges: [{ scheme: 'Bearer', params: {} }], errors: [] });
    expect(parseWwwAuthenticate('Bearer , Basic realm="x"')).toEqual({
      challenges: [
        { scheme: 'Bearer', params: {} },
        { scheme: 'Basic', params: { realm: 'x' } },
      ],
      errors: [],
    });
  });

  it('returns nothing for an empty or blank value', () => {
    expect(parseWwwAuthenticate('')).toEqual({ challenges: [], errors: [] });
    expect(parseWwwAuthenticate('  \t ')).toEqual({ challenges: [], errors: [] });
  });

  it('stores a param named __proto__ as a plain param', () => {
    const result = parseWwwAuthenticate('Bearer __proto__="x", realm="r"');
    const params = result.challenges[0]!.params;
    expect(Object.keys(params)).toEqual(['__proto__', 'realm']);
    expect(Object.getOwnPropertyDescriptor(params, '__proto__')?.value).toBe('x');
    expect(Object.getPrototypeOf(params)).toBe(Object.prototype);
  });
});

describe('parseWwwAuthenticate: bad input never throws', () => {
  it('keeps the value of an unterminated quoted string and says so', () => {
    const result = parseWwwAuthenticate('Bearer realm="x", resource_metadata="https://a/b');
    expect(result.challenges).toEqual([{ scheme: 'Bearer', params: { realm: 'x', resource_metadata: 'https://a/b' } }]);
    expect(result.errors).toEqual([
      'The quoted value of resource_metadata starting at character 37 has no closing quote; the rest of the header was taken as its value.',
    ]);
  });

  it('treats a dangling backslash at the end as an unterminated quote', () => {
    const result = parseWwwAuthenticate('Bearer realm="ab\\');
    expect(result.challenges).toEqual([{ scheme: 'Bearer', params: { realm: 'ab' } }]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toContain('no closing quote');
  });

  it('reports a param that comes before any scheme and ignores it', () => {
    const result = parseWwwAuthenticate('realm="x", Bearer scope="a"');
    expect(result.challenges).toEqual([{ scheme: 'Bearer', params: { scope: 'a' } }]);
    expect(result.errors).toEqual(['The parameter realm at character 1 comes before any auth scheme and was ignored.']);
  });

  it('keeps the first value of a duplicated param', () => {
    const result = parseWwwAuthenticate('Bearer scope="a", SCOPE="b"');
    expect(result.challenges).toEqual([{ scheme: 'Bearer', params: { scope: 'a' } }]);
    expect(result.errors).toEqual(['The Bearer challenge has the parameter scope more than once; the first value was kept.']);
  });

  it('allows the same param name in two different challenges', () => {
    const result = parseWwwAuthenticate('Basic realm="a", Bearer realm="b"');
    expect(result.challenges.map((c) => c.params.realm)).toEqual(['a', 'b']);
    expect(result.errors).toEqual([]);
  });

  it('skips garbage up to the next comma and goes on', () => {
    const result = parseWwwAuthenticate('Bearer realm="x", @@@ "q,w" junk, scope="a"');
    expect(result.challenges).toEqual([{ scheme: 'Bearer', params: { realm: 'x', scope: 'a' } }]);
    expect(result.errors).toEqual(['Unexpected "@" at character 19.']);
  });

  it('reads an unquoted URL value but complains', () => {
    const result = parseWwwAuthenticate('Bearer resource_metadata=https://a.example/.well-known/oauth-protected-resource, scope=x');
    expect(result.challenges).toEqual([
      {
        scheme: 'Bearer',
        params: { resource_metadata: 'https://a.example/.well-known/oauth-protected-resource', scope: 'x' },
      },
    ]);
    expect(result.errors).toEqual([
      'The value of resource_metadata (https://a.example/.well-known/oauth-protected-resource) contains characters that are only allowed inside quotes; it was read as is.',
    ]);
  });

  it('reports a param without a value', () => {
    const result = parseWwwAuthenticate('Bearer realm="x", scope=, error="e"');
    expect(result.challenges).toEqual([{ scheme: 'Bearer', params: { realm: 'x', error: 'e' } }]);
    expect(result.errors).toEqual(['The parameter scope at character 19 has no value.']);
  });

  it('reports a missing comma between params but still reads both', () => {
    const result = parseWwwAuthenticate('Bearer realm="x" scope="y"');
    expect(result.challenges).toEqual([{ scheme: 'Bearer', params: { realm: 'x', scope: 'y' } }]);
    expect(result.errors).toEqual(['Expected a comma after the realm parameter at character 18, found "s".']);
  });

  it('reports a missing comma before a new scheme', () => {
    const result = parseWwwAuthenticate('Bearer realm="x" Basic');
    expect(result.challenges).toEqual([
      { scheme: 'Bearer', params: { realm: 'x' } },
      { scheme: 'Basic', params: {} },
    ]);
    expect(result.errors).toEqual([
      'Expected a comma after the realm parameter at character 18, found "B".',
      'A comma is missing before the auth scheme Basic at character 18.',
    ]);
  });

  it('ignores params after a token68 value', () => {
    const result = parseWwwAuthenticate('Negotiate abc==, realm="x"');
    expect(result.challenges).toEqual([{ scheme: 'Negotiate', params: {}, token68: 'abc==' }]);
    expect(result.errors).toEqual(['The parameter realm follows the token68 value of the Negotiate challenge and was ignored.']);
  });

  it('drops control characters from quoted values and reports them once', () => {
    const result = parseWwwAuthenticate('Bearer realm="a\u0001b\u0000c", scope="s"');
    expect(result.challenges).toEqual([{ scheme: 'Bearer', params: { realm: 'abc', scope: 's' } }]);
    expect(result.errors).toEqual(['The value of realm contains a control character U+0001, which was left out.']);
  });

  it('reports control characters outside quotes', () => {
    const result = parseWwwAuthenticate('Bearer\u0007 realm="x", Basic');
    expect(result.challenges).toEqual([
      { scheme: 'Bearer', params: {} },
      { scheme: 'Basic', params: {} },
    ]);
    expect(result.errors).toEqual(['Unexpected control character U+0007 right after the auth scheme Bearer at character 7.']);
  });

  it('handles pure garbage', () => {
    expect(parseWwwAuthenticate('=== ,;; "')).toEqual({
      challenges: [],
      errors: ['Unexpected "=" at character 1.', 'Unexpected ";" at character 6.'],
    });
  });

  it('caps the number of errors listed', () => {
    const result = parseWwwAuthenticate(Array.from({ length: 50 }, () => '@').join(','));
    expect(result.challenges).toEqual([]);
    expect(result.errors).toHaveLength(21);
    expect(result.errors[20]).toBe('30 more problems not listed.');
  });

  it('parses 100 KB inputs quickly, in several bad shapes', () => {
    const size = 100 * 1024;
    const inputs = [
      'Bearer realm="' + 'a'.repeat(size),
      'x'.repeat(size),
      ','.repeat(size),
      '@,'.repeat(size / 2),
      'Bearer ' + 'a=b '.repeat(size / 4),
      'Bearer realm="' + '\\"'.repeat(size / 2) + '"',
      'B '.repeat(size / 2),
    ];
    const started = performance.now();
    const results = inputs.map((input) => parseWwwAuthenticate(input));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(results[0]!.challenges[0]!.params.realm).toHaveLength(size);
    expect(results[1]!.challenges).toEqual([{ scheme: 'x'.repeat(size), params: {} }]);
    expect(results[2]).toEqual({ challenges: [], errors: [] });
    expect(results[3]!.errors).toHaveLength(21);
    expect(results[5]!.challenges[0]!.params.realm).toBe('"'.repeat(size / 2));
  });

  it('does not throw for a non-string at runtime', () => {
    expect(parseWwwAuthenticate(undefined as unknown as string)).toEqual({ challenges: [], errors: [] });
  });
});

describe('findBearerChallenge', () => {
  it('finds the Bearer challenge among others, case-insensitively', () => {
    const { challenges } = parseWwwAuthenticate('Basic realm="x", bEaReR scope="a", Bearer scope="b"');
    expect(findBearerChallenge(challenges)).toEqual({ scheme: 'bEaReR', params: { scope: 'a' } });
  });

  it('returns undefined without a Bearer challenge', () => {
    expect(findBearerChallenge(parseWwwAuthenticate('Basic realm="x", DPoP algs="ES256"').challenges)).toBeUndefined();
    expect(findBearerChallenge([])).toBeUndefined();
  });
});

describe('whitespace after the auth scheme', () => {
  it('reads a challenge with a TAB after the scheme but reports it (RFC 9110 §11.6.1 wants SP)', () => {
    const result = parseWwwAuthenticate('Bearer\tresource_metadata="https://x/prm", Basic  realm="a", DPoP \t algs="ES256"');
    expect(result.challenges.map((challenge) => challenge.scheme)).toEqual(['Bearer', 'Basic', 'DPoP']);
    expect(result.challenges[0]!.params).toEqual({ resource_metadata: 'https://x/prm' });
    expect(result.tabAfterScheme).toEqual(['Bearer', 'DPoP']);
    expect(parseWwwAuthenticate('Bearer realm="a",\tscope="b"').tabAfterScheme).toBeUndefined();
  });
});
