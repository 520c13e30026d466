import type { FlowSettings, Learned } from '../../model/session.ts';
import { selectScope } from '../select-scope.ts';

export interface RegistrationScope {
  /** The `scope` client metadata to send (RFC 7591 §2), if any. */
  scope?: string;
  /** A note for the step: what is registered and why. */
  why: string;
}

/**
 * The scope to register: the scope the authorization request is about to ask for (the spec's
 * selection, as the official SDK client registers it), plus the rest of the resource metadata's
 * scopes_supported. Some authorization servers (the SDK's, oidc-provider) refuse to authorize a
 * scope the client was not registered with, so without the rest a later step-up would be refused.
 */
export function registrationScope(learned: Learned, settings: Pick<FlowSettings, 'scopeOverride'>): RegistrationScope {
  const { scope: requested, source } = selectScope(learned, settings);
  const asked = words(requested);
  const listed: unknown = learned.prm?.scopes_supported;
  const supported = Array.isArray(listed) ? listed.filter((scope): scope is string => typeof scope === 'string') : [];
  const extra = [...new Set(supported.flatMap(words))].filter((scope) => !asked.includes(scope));
  const all = [...asked, ...extra];
  if (!all.length) return { why: 'No scope is registered: the authorization request will ask for none' };
  const reasons = [
    ...(asked.length ? [`"${asked.join(' ')}" from ${source}, the scope the authorization request will ask for`] : []),
    ...(extra.length ? [`"${extra.join(' ')}" from scopes_supported in the resource metadata, so a later step-up is allowed too`] : []),
  ];
  return { scope: all.join(' '), why: `scope = ${all.join(' ')} (${reasons.join('; ')})` };
}

function words(scope: string | undefined): string[] {
  return [...new Set((scope ?? '').split(' ').filter(Boolean))];
}
