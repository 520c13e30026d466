import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { JwtView } from './JwtView.tsx';

const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (claims: Record<string, unknown>) => `${part({ alg: 'none' })}.${part(claims)}.`;

describe('JwtView', () => {
  it('shows an exp a Date cannot hold as an out-of-range number instead of failing to render', () => {
    const html = renderToStaticMarkup(<JwtView token={jwt({ exp: 8.64e12 + 1, aud: { toString: 1 } })} where="response body" />);
    expect(html).toContain('8640000000001 (out of range: not a date)');
    expect(html).toContain('{&quot;toString&quot;:1}');
  });

  it('shows a usable exp as a time', () => {
    expect(renderToStaticMarkup(<JwtView token={jwt({ exp: 1_700_000_000 })} where="response body" />)).toContain('2023-11-14T22:13:20.000Z (expired)');
  });
});
