import type { FlowSession, FlowSettings } from '../model/session.ts';
import type { ProfileRegistry } from '../spec/profile-registry.ts';
import { SPEC_PROFILES } from '../spec/profiles.ts';
import type { SpecVersion } from '../spec/versions.ts';

export const DEFAULT_TIMEOUT_MS = 15_000;

/** A fresh session with the steps of its spec version (from `profiles`, the shipped versions by default). */
export function createSession(settings: FlowSettings, profiles: ProfileRegistry<SpecVersion> = SPEC_PROFILES): FlowSession {
  return {
    format: 'mcp-auth-flow/session@1',
    settings,
    status: 'idle',
    steps: profiles.profileFor(settings.specVersion).steps.map((kind) => ({ id: kind, kind, status: 'pending', exchangeIds: [], notes: [] })),
    exchanges: [],
    findings: [],
    learned: {},
  };
}
