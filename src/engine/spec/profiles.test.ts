import { describe, expect, it } from 'vitest';
import { getRule, type RuleId } from '../rules/catalog.ts';
import type { SpecProfile } from './profile.ts';
import { createProfileRegistry } from './profile-registry.ts';
import { SHIPPED_PROFILES, SPEC_PROFILES } from './profiles.ts';
import { SPEC_VERSIONS, authorizationSpecUrl } from './versions.ts';

/**
 * A version is one profile plus the rule catalog's version tags. Where a rule speaks for a
 * decision of the profile, the two must agree, or a new version would raise a finding its
 * client does not act on (or act without saying why).
 */
const RULES_FOR_DECISIONS: Array<[RuleId, string, (profile: SpecProfile) => boolean]> = [
  ['challenge.missing', 'a 401 must name its resource metadata', (p) => p.challenge.resourceMetadata === 'required'],
  ['challenge.missing-soft', 'the well-known URLs may replace the challenge', (p) => p.challenge.resourceMetadata === 'optional'],
  ['challenge.no-scope', 'the challenge names the scope', (p) => p.challenge.scope],
  ['prm.unreachable', 'the AS comes from protected resource metadata', (p) => p.discovery.authorizationServer === 'protected-resource-metadata'],
  ['version.legacy-path', 'the AS is at the MCP server’s origin', (p) => p.discovery.authorizationServer === 'mcp-origin'],
  ['as.pkce-methods-absent', 'PKCE support must be in the metadata', (p) => p.pkceMetadataRequired],
  ['registration.bound-to-other-issuer', 'credentials are bound to their issuer', (p) => p.credentialsBoundToIssuer],
  ['mcp.session-id-hidden-by-cors', 'initialize opens a session', (p) => p.transport.opening === 'initialize'],
];

describe('the shipped spec profiles', () => {
  it('are the known versions, oldest first, the newest being the latest', () => {
    expect(SPEC_VERSIONS).toEqual(SHIPPED_PROFILES.map((profile) => profile.version));
    expect([...SPEC_VERSIONS].sort()).toEqual(SPEC_VERSIONS);
    expect(SPEC_PROFILES.latest.version).toBe(SPEC_VERSIONS.at(-1));
  });

  it.each(RULES_FOR_DECISIONS)('tag %s exactly where %s', (ruleId, _decision, decides) => {
    const decided = SHIPPED_PROFILES.filter((profile) => decides(profile)).map((profile) => profile.version);
    expect([...getRule(ruleId).versions].sort()).toEqual(decided);
  });

  it.each(SHIPPED_PROFILES.map((profile) => [profile.version, profile] as const))(
    '%s: its steps match where it finds the authorization server',
    (_version, profile: SpecProfile) => {
      const viaPrm = profile.discovery.authorizationServer === 'protected-resource-metadata';
      expect(profile.steps.includes('prm')).toBe(viaPrm);
      expect(profile.steps.includes('challenge')).toBe(viaPrm);
      expect(profile.discovery.prmFallbackOrder.length > 0).toBe(viaPrm);
      expect(profile.challenge.resourceMetadata === 'not-used').toBe(!viaPrm);
    },
  );

  it('link into the version’s own authorization page', () => {
    expect(authorizationSpecUrl('2025-06-18', 'authorization-server-location')).toBe(
      'https://modelcontextprotocol.io/specification/2025-06-18/basic/authorization#authorization-server-location',
    );
    for (const version of SPEC_VERSIONS) expect(authorizationSpecUrl(version)).toContain(`/specification/${version}/`);
  });
});

describe('automatic version choice picks by decision, not by name', () => {
  it('finds the newest version without a handshake, and the newest without protected resource metadata', () => {
    expect(SPEC_PROFILES.newest((profile) => profile.transport.opening === 'server/discover').version).toBe('2026-07-28');
    expect(SPEC_PROFILES.newest((profile) => profile.discovery.authorizationServer === 'mcp-origin').version).toBe('2025-03-26');
    expect(
      SPEC_PROFILES.newest((profile) => profile.transport.opening === 'initialize' && profile.discovery.authorizationServer === 'protected-resource-metadata')
        .version,
    ).toBe('2025-11-25');
  });

  it('refuses an empty registry and two records of one version', () => {
    expect(() => createProfileRegistry([])).toThrow();
    expect(() => createProfileRegistry([SPEC_PROFILES.latest, SPEC_PROFILES.latest])).toThrow(/same version/);
  });
});
