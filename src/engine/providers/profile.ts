import type { Finding } from '../model/finding.ts';
import type { Seen } from './seen.ts';

/**
 * One identity provider as the tool knows it: how to recognise it from what a run saw, and where it
 * departs from the MCP authorization flow in a way the developer cannot change at the provider.
 */
export interface ProviderProfile {
  /** Stable, lower-case: `entra`, `auth0`… */
  id: string;
  name: string;
  /** The provider's own documentation for OAuth/OIDC. */
  docs: string;
  signals: readonly ProviderSignal[];
  deviations: readonly Deviation[];
}

/** One thing that points at a provider. */
export interface ProviderSignal {
  /** How the evidence reads after "recognised as <name> from": "the issuer shape …/{tenant}/v2.0". */
  says: string;
  /**
   * A real hostname, or an error code or text only this provider sends: enough on its own.
   * A path shape is not: a profile needs two of those (a path can be anyone's choice).
   */
  strong?: true;
  /** The value seen that matches (shown as the evidence), or undefined. */
  find: (seen: Seen) => string | undefined;
}

/** A known way the provider breaks the MCP flow, and what the developer can do about it. */
export interface Deviation {
  id: string;
  /** The rules whose findings this explains; the rule and its severity stay as they are. */
  rules: readonly string[];
  /** Whether it explains this finding; `text` is the finding's detail, its exchange's URL and body. Always, when absent. */
  applies?: (finding: Finding, seen: Seen, text: string) => boolean;
  /** Why the provider does this, in one or two sentences. */
  cause: string;
  /** What to do, with the run's own values where they help (the app id, the redirect URI); placeholders in the docs. */
  fix: (seen: Seen) => string;
  /** The provider's page on it. */
  docs: string;
}
