import type { SpecProfile } from './profile.ts';

/** The versions a build knows, oldest first, and their profiles. */
export interface ProfileRegistry<V extends string = string> {
  readonly versions: readonly V[];
  readonly latest: SpecProfile<V>;
  /** The profile of a known version; throws for an unknown one (settings are checked on the way in). */
  profileFor(version: V): SpecProfile<V>;
  /** The profile of `version` if it is a known one. */
  find(version: string): SpecProfile<V> | undefined;
  /**
   * The newest version with a property, for automatic version choice: e.g. "the newest version
   * that opens with server/discover". Throws when no version has it.
   */
  newest(matches: (profile: SpecProfile<V>) => boolean): SpecProfile<V>;
}

export function createProfileRegistry<V extends string>(profiles: readonly SpecProfile<V>[]): ProfileRegistry<V> {
  const latest = profiles.at(-1);
  if (!latest) throw new Error('A profile registry needs at least one version.');
  const byVersion = new Map<string, SpecProfile<V>>(profiles.map((profile) => [profile.version, profile]));
  if (byVersion.size !== profiles.length) throw new Error('Two profiles have the same version.');
  return {
    versions: profiles.map((profile) => profile.version),
    latest,
    profileFor(version) {
      const profile = byVersion.get(version);
      if (!profile) throw new Error(`Unknown spec version ${version}.`);
      return profile;
    },
    find: (version) => byVersion.get(version),
    newest(matches) {
      const found = profiles.findLast(matches);
      if (!found) throw new Error('No spec version has that property.');
      return found;
    },
  };
}
