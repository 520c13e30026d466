import { describe, expect, it } from 'vitest';
import { FORM_WORDS } from './test-support/rendered-text.ts';
import { RULES, getRule } from './catalog.ts';
import { SETTING_NAMES, ruleFix, unknownPlaceholders } from './rule-fix.ts';

const FLAG = /(^|\s|`)--[a-z]/;

describe('a fix says what to change in the words of the surface it is read on', () => {
  it.each(RULES.map((rule) => [rule.id, rule] as const))('%s', (_, rule) => {
    expect(unknownPlaceholders(rule), 'placeholders no setting answers to').toEqual([]);
    expect(ruleFix(rule, 'cli'), 'the CLI fix names a form field').not.toMatch(FORM_WORDS);
    expect(ruleFix(rule, 'app'), 'the app fix names a CLI flag').not.toMatch(FLAG);
    for (const surface of ['cli', 'app', 'docs'] as const) expect(ruleFix(rule, surface)).not.toMatch(/[{}]/);
  });

  it('a pre-registered client id is --client-id in the CLI, the Client id field in the app, and both in the docs', () => {
    const rule = getRule('registration.unavailable');
    expect(ruleFix(rule, 'cli')).toContain('`--client-id`');
    expect(ruleFix(rule, 'app')).toContain('the Client id field');
    expect(ruleFix(rule, 'docs')).toContain('`--client-id` in the CLI, the Client id field in the app');
  });

  it('every setting has a flag in the CLI and a field in the app', () => {
    for (const names of Object.values(SETTING_NAMES)) {
      expect(names.cli).not.toMatch(FORM_WORDS);
      expect(names.app).not.toMatch(FLAG);
    }
  });
});
