import type { FlowSettings, Learned } from '../model/session.ts';
import type { SpecProfile } from '../spec/profile.ts';

export interface ScopeChoice {
  scope?: string;
  source: string;
  /** True when the user's override replaced the spec's rules. */
  overridden?: boolean;
}

/**
 * The spec's scope selection (2025-11-25 "Scope Selection Strategy"): the challenge's scope is
 * authoritative; otherwise every scope the resource metadata lists; otherwise no scope at all.
 * During step-up, the challenged scopes (2025-11-25) or their union with what was asked before
 * (2026-07-28) are requested.
 */
export function selectScope(learned: Learned, settings: Pick<FlowSettings, 'scopeOverride'>): ScopeChoice {
  if (learned.stepUpScope) return { scope: learned.stepUpScope, source: 'the step-up challenge' };
  if (settings.scopeOverride?.trim()) return { scope: settings.scopeOverride.trim(), source: 'your override (off-spec)', overridden: true };
  if (learned.challengeScope) return { scope: learned.challengeScope, source: 'the WWW-Authenticate challenge' };
  const supported = learned.prm?.scopes_supported?.filter((scope) => typeof scope === 'string');
  if (supported?.length) return { scope: supported.join(' '), source: 'scopes_supported in the resource metadata' };
  return { source: 'nowhere: no scope is sent' };
}

/** The scopes to ask for when a 403 insufficient_scope names `challenged`, by the version's rule. */
export function stepUpScope(rule: SpecProfile['stepUpScope'], previous: string | undefined, challenged: string): string {
  if (rule === 'challenged') return challenged;
  const union = new Set([...(previous ?? '').split(' '), ...challenged.split(' ')].filter(Boolean));
  return [...union].join(' ');
}
