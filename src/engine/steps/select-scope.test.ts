import { describe, expect, it } from 'vitest';
import { SPEC_PROFILES } from '../spec/profiles.ts';
import type { SpecVersion } from '../spec/versions.ts';
import { selectScope, stepUpScope } from './select-scope.ts';

describe('scope selection', () => {
  const prm = { resource: 'https://h/mcp', authorization_servers: ['https://as'], scopes_supported: ['files:read', 'files:write'] };

  it('takes the challenge scope first, then every scope the PRM lists, then none', () => {
    expect(selectScope({ challengeScope: 'files:read', prm }, {})).toMatchObject({ scope: 'files:read', source: 'the WWW-Authenticate challenge' });
    expect(selectScope({ prm }, {})).toMatchObject({ scope: 'files:read files:write' });
    expect(selectScope({}, {}).scope).toBeUndefined();
  });

  it('lets the user override, and says it is off-spec', () => {
    expect(selectScope({ challengeScope: 'files:read' }, { scopeOverride: ' admin ' })).toEqual({
      scope: 'admin',
      source: 'your override (off-spec)',
      overridden: true,
    });
  });

  it('during step-up asks for what the step-up computed, even over an override', () => {
    expect(selectScope({ stepUpScope: 'files:write', challengeScope: 'files:read' }, { scopeOverride: 'x' }).scope).toBe('files:write');
  });

  it('2026-07-28 steps up to the union of the previous and the challenged scopes; 2025-11-25 to the challenged ones', () => {
    const rule = (version: SpecVersion) => SPEC_PROFILES.profileFor(version).stepUpScope;
    expect(stepUpScope(rule('2026-07-28'), 'files:read mcp', 'files:write mcp')).toBe('files:read mcp files:write');
    expect(stepUpScope(rule('2025-11-25'), 'files:read mcp', 'files:write')).toBe('files:write');
    expect(stepUpScope(rule('2026-07-28'), undefined, 'files:write')).toBe('files:write');
  });
});
