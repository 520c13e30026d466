import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jwtSpans, replaceJwts } from './jwt-spans.ts';

/** What the finder used to be: correct, but quadratic on runs of "eyJ-". */
const JWT_REGEX = /\beyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;

describe('jwtSpans', () => {
  it('finds what the JWT regex finds, on text built from JWT-ish pieces', () => {
    const piece = fc.constantFrom('eyJ', 'eyJhbGci', '.', '-', '_', 'a', 'Z9', ' ', 'x', '"', '\ud800', '\0');
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 40 }).map((parts) => parts.join('')),
        (text) => {
          const expected = [...text.matchAll(JWT_REGEX)].map((match) => match[0]);
          expect(jwtSpans(text).map(({ start, end }) => text.slice(start, end))).toEqual(expected);
        },
      ),
      { seed: 7, numRuns: 3000 },
    );
  });

  it('replaces each JWT and keeps the text around it', () => {
    expect(replaceJwts('a eyJh.eyJp.sig b xeyJh.eyJp.c', () => 'JWT')).toBe('a JWT b xeyJh.eyJp.c');
  });

  it('reads a megabyte of near-JWTs in linear time', () => {
    for (const text of ['eyJ-'.repeat(250_000), 'eyJa.'.repeat(200_000), `${'eyJa.eyJ'.repeat(120_000)}-`]) {
      const started = performance.now();
      jwtSpans(text);
      expect(performance.now() - started).toBeLessThan(1500);
    }
  });
});
