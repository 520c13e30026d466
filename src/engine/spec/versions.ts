import { SHIPPED_PROFILES, SPEC_PROFILES } from './profiles.ts';
import { specLink } from './profile.ts';

/** A spec version this build knows: one per record in profiles.ts. */
export type SpecVersion = (typeof SHIPPED_PROFILES)[number]['version'];

// The model names spec versions without importing the profiles (see model/registered.ts).
declare module '../model/registered.ts' {
  interface Registered {
    // Spelled out: inside this block, the name SpecVersion would be the model's own.
    specVersion: (typeof SHIPPED_PROFILES)[number]['version'];
  }
}

/** The MCP specification versions the engine knows, oldest first. */
export const SPEC_VERSIONS: readonly SpecVersion[] = SPEC_PROFILES.versions;

export const LATEST_SPEC_VERSION: SpecVersion = SPEC_PROFILES.latest.version;

export function isSpecVersion(value: unknown): value is SpecVersion {
  return typeof value === 'string' && !!SPEC_PROFILES.find(value);
}

/**
 * A link into the authorization spec of `version`, at a section; where that version has no such
 * section (PKCE's "Authorization Code Protection" before 2025-06-18, say), the newest version's.
 */
export function authorizationSpecUrl(version: SpecVersion, anchor = ''): string {
  const own = SPEC_PROFILES.profileFor(version);
  const home =
    anchor in own.specSections
      ? own
      : SPEC_PROFILES.versions.map((known) => SPEC_PROFILES.profileFor(known)).findLast((profile) => anchor in profile.specSections);
  return specLink(home ?? own, anchor);
}
