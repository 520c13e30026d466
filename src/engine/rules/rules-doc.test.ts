import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SPEC_VERSIONS } from '../spec/versions.ts';
import { RULES } from './catalog.ts';
import type { Rule } from './rule.ts';
import { renderRulesDoc } from './rules-doc.ts';

const RULES_DOC = new URL('../../../docs/rules.md', import.meta.url);
const rules: readonly Rule[] = RULES;

describe('docs/rules.md', () => {
  it('is what the catalog renders to', () => {
    const onDisk = readFileSync(RULES_DOC, 'utf8');
    expect(onDisk, 'docs/rules.md is stale: run `npm run rules:doc`').toBe(renderRulesDoc());
  });

  it('has a heading for every rule', () => {
    const doc = renderRulesDoc();
    for (const rule of rules) expect(doc).toContain(`### \`${rule.id}\`\n`);
  });

  it('renders the same catalog the same way every time, grouped by area', () => {
    const doc = renderRulesDoc();
    expect(renderRulesDoc()).toBe(doc);
    const sample: Rule[] = [
      { id: 'b.one', severity: 'error', versions: ['2026-07-28'], link: 'https://example.com/b', problem: 'B <x>.', fix: 'Use `<y>`.' },
      { id: 'a.one', severity: 'warning', versions: SPEC_VERSIONS, link: 'https://example.com/a', problem: 'A.', fix: 'Fix A.' },
      { id: 'b.two', severity: 'info', versions: ['2025-06-18'], link: 'https://example.com/b2', problem: 'B2.', fix: 'Fix B2.' },
    ];
    const rendered = renderRulesDoc(sample);
    const headings = rendered.split('\n').filter((line) => line.startsWith('## ') || line.startsWith('### '));
    expect(headings).toEqual(['## `b.*`', '### `b.one`', '### `b.two`', '## `a.*`', '### `a.one`']);
    expect(rendered).toContain('- **Problem:** B &lt;x&gt;.');
    expect(rendered).toContain('- **Fix:** Use `<y>`.');
    expect(rendered).toContain('- **Versions:** all (2025-03-26, 2025-06-18, 2025-11-25, 2026-07-28)');
    expect(rendered).toContain('- **Versions:** 2026-07-28\n');
    expect(rendered).toContain('- **Spec:** <https://example.com/b2>');
  });
});

describe('the rule catalog', () => {
  it('has unique ids', () => {
    const ids = rules.map((rule) => rule.id);
    const repeated = ids.filter((id, index) => ids.indexOf(id) !== index);
    expect(repeated).toEqual([]);
  });

  it.each(rules.map((rule) => [rule.id, rule] as const))('%s is well-formed', (_id, rule) => {
    expect(rule.id).toMatch(/^[a-z][a-z0-9]*\.[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(['error', 'warning', 'info']).toContain(rule.severity);
    expect(rule.problem.trim()).not.toBe('');
    expect(rule.fix.trim()).not.toBe('');
    expect(new URL(rule.link).protocol).toBe('https:');
    expect(rule.versions.length).toBeGreaterThan(0);
    for (const version of rule.versions) expect(SPEC_VERSIONS).toContain(version);
    expect(new Set(rule.versions).size).toBe(rule.versions.length);
  });
});
