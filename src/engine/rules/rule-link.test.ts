import { describe, expect, it } from 'vitest';
import { STEP_DEFINITIONS } from '../steps/registry.ts';
import { SPEC_PROFILES } from '../spec/profiles.ts';
import { authorizationSpecUrl } from '../spec/versions.ts';
import { RULES, getRule } from './catalog.ts';
import { ruleLink } from './rule-link.ts';

const MCP_SPEC = 'https://modelcontextprotocol.io/specification/';
const AUTHORIZATION_PAGE = /^https:\/\/modelcontextprotocol\.io\/specification\/[^/]+\/basic\/authorization/;
const versionOf = (link: string) => link.slice(MCP_SPEC.length).split('/')[0];

describe('a finding links to the spec version the run used', () => {
  it('every catalog link into the authorization spec names a section its version has', () => {
    const unknown = RULES.filter((rule) => AUTHORIZATION_PAGE.test(rule.link))
      .filter((rule) => !Object.values(SPEC_PROFILES.profileFor(versionOf(rule.link) as never).specSections).some((where) => rule.link.endsWith(where)))
      .map((rule) => `${rule.id}: ${rule.link}`);
    expect(unknown).toEqual([]);
  });

  it.each(RULES.filter((rule) => AUTHORIZATION_PAGE.test(rule.link)).map((rule) => [rule.id, rule] as const))(
    '%s: the run’s version where it has the section, else the newest version of the rule that has it',
    (_, rule) => {
      for (const version of rule.versions) {
        const link = ruleLink(rule, version);
        const has = (known: string) => link.startsWith(SPEC_PROFILES.profileFor(known as never).specLinkBase);
        const newestWithIt = [...rule.versions].reverse().find((known) => ruleLink(rule, known).includes(`/${known}/`));
        expect(has(version) || versionOf(link) === newestWithIt, `${version}: ${link}`).toBe(true);
      }
    },
  );

  it('token.audience-mismatch on a 2025-06-18 run opens 2025-06-18, on 2026-07-28 the security considerations page', () => {
    const rule = getRule('token.audience-mismatch');
    expect(ruleLink(rule, '2025-06-18')).toBe(
      'https://modelcontextprotocol.io/specification/2025-06-18/basic/authorization#token-audience-binding-and-validation',
    );
    expect(ruleLink(rule, '2026-07-28')).toBe(
      'https://modelcontextprotocol.io/specification/2026-07-28/basic/authorization/security-considerations#token-audience-binding-and-validation',
    );
  });

  it('a section a version does not have falls back to the newest version of the rule that has it', () => {
    // Scope selection strategy appears in 2025-11-25.
    const rule = { link: `${MCP_SPEC}2025-11-25/basic/authorization#scope-selection-strategy`, versions: ['2025-06-18', '2025-11-25', '2026-07-28'] as const };
    expect(ruleLink(rule, '2025-06-18')).toBe(`${MCP_SPEC}2026-07-28/basic/authorization#scope-selection-strategy`);
  });

  it('an RFC link is the same for every version', () => {
    const rule = getRule('http.not-json');
    expect(ruleLink(rule, '2025-03-26')).toBe(rule.link);
  });

  it('each step links to a section of every version that runs it, or of the newest version that has it', () => {
    for (const version of SPEC_PROFILES.versions) {
      for (const kind of SPEC_PROFILES.profileFor(version).steps) {
        const url = authorizationSpecUrl(version, STEP_DEFINITIONS[kind].specAnchor);
        const profile = SPEC_PROFILES.find(versionOf(url) ?? '')!;
        expect(
          Object.values(profile.specSections).some((where) => url === profile.specLinkBase + where),
          `${version} ${kind}: ${url}`,
        ).toBe(true);
      }
    }
  });
});
