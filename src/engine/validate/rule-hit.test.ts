import { describe, expect, it } from 'vitest';
import { findRule } from '../rules/catalog.ts';
import { describeJsonType, hit, hitsForVersion, isJsonObject, showValue } from './rule-hit.ts';

describe('hit', () => {
  it('builds a hit for a catalog rule', () => {
    const h = hit('prm.not-object', 'The document is an array, not a JSON object.');
    expect(h).toEqual({ ruleId: 'prm.not-object', detail: 'The document is an array, not a JSON object.' });
    expect(findRule(h.ruleId)?.severity).toBe('error');
  });
});

describe('hitsForVersion', () => {
  it('drops hits whose rule does not apply to the version', () => {
    const hits = [hit('as.pkce-methods-absent', 'a'), hit('as.pkce-s256-missing', 'b'), hit('prm.offline-access-scope', 'c')];
    expect(hitsForVersion(hits, '2025-06-18').map((h) => h.ruleId)).toEqual(['as.pkce-s256-missing']);
    expect(hitsForVersion(hits, '2025-11-25').map((h) => h.ruleId)).toEqual(['as.pkce-methods-absent', 'as.pkce-s256-missing', 'prm.offline-access-scope']);
  });
});

describe('value helpers', () => {
  it('tells objects from arrays and null', () => {
    expect(isJsonObject({})).toBe(true);
    expect(isJsonObject([])).toBe(false);
    expect(isJsonObject(null)).toBe(false);
    expect(isJsonObject('x')).toBe(false);
  });

  it('names JSON types', () => {
    expect([null, undefined, [], {}, 'x', 1, true].map(describeJsonType)).toEqual([
      'JSON null',
      'missing',
      'an array',
      'an object',
      'a string',
      'a number',
      'a boolean',
    ]);
  });

  it('shows values exactly, quoting strings and escaping control characters', () => {
    expect(showValue('https://h/mcp/')).toBe('"https://h/mcp/"');
    expect(showValue('a\nb')).toBe('"a\\nb"');
    expect(showValue(['plain'])).toBe('["plain"]');
    expect(showValue(undefined)).toBe('undefined');
    expect(showValue('x'.repeat(300))).toBe(`"${'x'.repeat(199)}…`);
  });
});
