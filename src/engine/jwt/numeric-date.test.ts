import { describe, expect, it } from 'vitest';
import { describeExpiry, numericDateIso } from './numeric-date.ts';

describe('JWT NumericDate', () => {
  it('shows an exp beyond what a Date can hold as an out-of-range number instead of throwing', () => {
    expect(() => new Date(8.64e12 * 1000 + 1000).toISOString()).toThrow('Invalid time value');
    expect(describeExpiry(8.64e12 + 1, 0)).toBe('8640000000001 (out of range: not a date)');
    expect(describeExpiry(1e308, 0)).toBe('1e+308 (out of range: not a date)');
    expect(describeExpiry(-9e12, 0)).toBe('-9000000000000 (out of range: not a date)');
    expect(numericDateIso(Number.NaN)).toBeUndefined();
    expect(numericDateIso('1700000000')).toBeUndefined();
  });

  it('shows a usable exp as a time and how far away it is', () => {
    expect(numericDateIso(8.64e12)).toBe('+275760-09-13T00:00:00.000Z');
    expect(describeExpiry(1_700_000_060, 1_700_000_000_000)).toBe('2023-11-14T22:14:20.000Z (in 60 s)');
    expect(describeExpiry(1_700_000_000, 1_700_000_060_000)).toBe('2023-11-14T22:13:20.000Z (expired)');
  });
});
