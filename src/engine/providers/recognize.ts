import type { ProviderProfile } from './profile.ts';
import type { Seen } from './seen.ts';

export interface Recognition {
  profile: ProviderProfile;
  /** "recognised as Microsoft Entra ID from the issuer shape …/{tenant}/v2.0 (https://…/v2.0)". */
  evidence: string;
}

/**
 * The provider behind the run, if the evidence is enough: one strong signal (a real hostname, an
 * error code only it sends) or two path shapes. Never a guess: a plain server is recognised as nothing.
 * When two profiles qualify, the one with more evidence wins; a tie goes to the catalog's order.
 */
export function recognize(seen: Seen, profiles: readonly ProviderProfile[]): Recognition | undefined {
  const evidence: Seen = { ...seen, issuers: seen.issuers.filter(isPlainIssuer) };
  let best: { profile: ProviderProfile; hits: string[]; score: number } | undefined;
  for (const profile of profiles) {
    const strong: string[] = [];
    const weak: string[] = [];
    for (const signal of profile.signals) {
      const value = signal.find(evidence);
      if (value !== undefined) (signal.strong ? strong : weak).push(`${signal.says} (${value})`);
    }
    const score = strong.length * 2 + weak.length;
    if (score >= 2 && (!best || score > best.score)) best = { profile, hits: [...strong, ...weak], score };
  }
  // Two pieces of evidence, the strongest first, keep the line short.
  return best && { profile: best.profile, evidence: `recognised as ${best.profile.name} from ${listed(best.hits.slice(0, 2))}` };
}

/**
 * An issuer whose text says what its host is. RFC 8414 §2: an issuer has no query or fragment; and a
 * URL parser reads `\` as `/` (WHATWG URL, special schemes). So in `https://evil.example?.okta.com`
 * or `https://evil.example\x.auth0.com/` the host is evil.example, whatever a pattern on the text
 * sees; such a value is no evidence of a provider.
 */
function isPlainIssuer(issuer: string): boolean {
  return URL.parse(issuer) !== null && !/[?#\\]/.test(issuer);
}

function listed(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** The first issuer (or endpoint URL) whose shape matches; for signals. */
export function firstMatch(values: readonly (string | undefined)[], pattern: RegExp): string | undefined {
  return values.find((value) => value !== undefined && pattern.test(value));
}

/** The first bit of server text that matches, as the match itself (a code, a phrase), for signals and deviations. */
export function saidMatch(texts: readonly string[], pattern: RegExp): string | undefined {
  for (const text of texts) {
    const match = pattern.exec(text);
    if (match) return match[0];
  }
  return undefined;
}
