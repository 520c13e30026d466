import type { Learned } from '../session/types.ts';

/**
 * The spec's scope selection (2025-11-25 "Scope Selection Strategy"): the challenge's scope is
 * authoritative; otherwise every scope the resource metadata lists; otherwise no scope at all.
 */
export function selectScope(learned: Learned): { scope?: string; source: string } {
  if (learned.challengeScope) return { scope: learned.challengeScope, source: 'the WWW-Authenticate challenge' };
  const supported = learned.prm?.scopes_supported?.filter((scope) => typeof scope === 'string');
  if (supported?.length) return { scope: supported.join(' '), source: 'scopes_supported in the resource metadata' };
  return { source: 'nowhere: no scope is sent' };
}
