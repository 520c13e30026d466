import { describe, expect, it } from 'vitest';
import { encodeUriComponentSafely, safeString, wellFormed } from './safe-string.ts';

describe('safeString', () => {
  it('turns values whose toString is unusable into text instead of throwing', () => {
    const hostile = JSON.parse('{"toString": 1, "valueOf": 2}') as unknown;
    expect(() => String(hostile)).toThrow();
    expect(safeString(hostile)).toBe('{"toString":1,"valueOf":2}');
    expect(safeString(Object.create(null))).toBe('{}');
    expect(safeString({ toJSON: 1 })).toBe('{"toJSON":1}');
  });

  it('survives nesting too deep for JSON.stringify and values JSON cannot hold', () => {
    const deep = JSON.parse('['.repeat(200_000) + ']'.repeat(200_000)) as unknown;
    expect(safeString(deep)).toBe('[object Array]');
    expect(safeString({ big: 1n })).toBe('[object Object]');
    const throwing = Object.defineProperty({}, 'x', {
      enumerable: true,
      get: () => {
        throw new Error('boom');
      },
    });
    expect(safeString(throwing)).toBe('[object Object]');
  });

  it('keeps strings and primitives as String() shows them', () => {
    expect(safeString('a\ud800\0')).toBe('a\ud800\0');
    expect([safeString(1.5), safeString(true), safeString(null), safeString(undefined), safeString(Symbol('s'))]).toEqual([
      '1.5',
      'true',
      'null',
      'undefined',
      's',
    ]);
  });
});

describe('wellFormed and encodeUriComponentSafely', () => {
  it('replace lone surrogates only, as the browser does when it sends them', () => {
    expect(wellFormed('a\ud800b\udc00c')).toBe('a\ufffdb\ufffdc');
    expect(wellFormed('😀\ud83d')).toBe('😀\ufffd');
    expect(wellFormed('plain')).toBe('plain');
    expect(() => encodeURIComponent('\ud800')).toThrow(URIError);
    expect(encodeUriComponentSafely('x\ud800')).toBe('x%EF%BF%BD');
  });
});
