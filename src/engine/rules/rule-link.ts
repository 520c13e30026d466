import { specLink, specSectionOf } from '../spec/profile.ts';
import type { ProfileRegistry } from '../spec/profile-registry.ts';
import { SPEC_PROFILES } from '../spec/profiles.ts';
import type { SpecVersion } from '../spec/versions.ts';
import type { Rule } from './rule.ts';

/**
 * A rule's link for a run of `version`: a section of the MCP authorization spec points into that
 * version's text, where the section is; where that version has no such section, into the newest
 * version the rule applies to that has it. Any other link (an RFC, Fetch) is the same for all.
 */
export function ruleLink(rule: Pick<Rule, 'link' | 'versions'>, version: SpecVersion, profiles: ProfileRegistry<SpecVersion> = SPEC_PROFILES): string {
  const section = profiles.versions.map((known) => specSectionOf(profiles.profileFor(known), rule.link)).find((found) => found !== undefined);
  if (!section) return rule.link;
  const newestFirst = profiles.versions.filter((known) => rule.versions.includes(known)).reverse();
  const home = [version, ...newestFirst].map((known) => profiles.find(known)).find((profile) => profile && section in profile.specSections);
  return home ? specLink(home, section) : rule.link;
}
