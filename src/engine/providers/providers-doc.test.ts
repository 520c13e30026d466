import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findRule } from '../rules/catalog.ts';
import { PROVIDERS } from './catalog.ts';
import { renderProvidersDoc } from './providers-doc.ts';

const PROVIDERS_DOC = new URL('../../../docs/providers.md', import.meta.url);

describe('docs/providers.md', () => {
  it('is what the provider catalog renders to', () => {
    expect(readFileSync(PROVIDERS_DOC, 'utf8'), 'docs/providers.md is stale: run `npm run rules:doc`').toBe(renderProvidersDoc());
  });

  it('lists each provider, each deviation, and the fix the tool gives, with placeholders where a run fills in values', () => {
    const doc = renderProvidersDoc();
    for (const profile of PROVIDERS) {
      expect(doc).toContain(`## ${profile.name}\n`);
      for (const deviation of profile.deviations) expect(doc).toContain(`### \`${deviation.id}\`\n`);
    }
    expect(doc).toContain('- **Fix the tool gives:** Request scope=api://&lt;app-id&gt;/.default and leave resource out');
    expect(doc).not.toMatch(/undefined|\[object/);
  });
});

describe('the provider catalog', () => {
  it('has unique ids, and explains only rules that exist, with https doc links', () => {
    const ids = PROVIDERS.flatMap((profile) => [profile.id, ...profile.deviations.map((deviation) => deviation.id)]);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    for (const profile of PROVIDERS) {
      expect(new URL(profile.docs).protocol).toBe('https:');
      expect(profile.signals.length).toBeGreaterThan(1);
      for (const deviation of profile.deviations) {
        expect(deviation.id.startsWith(`${profile.id}.`), deviation.id).toBe(true);
        for (const rule of deviation.rules) expect(findRule(rule), `${deviation.id} explains ${rule}`).toBeDefined();
        expect(new URL(deviation.docs).protocol).toBe('https:');
      }
    }
  });
});
