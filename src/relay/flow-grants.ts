import { randomBytes } from 'node:crypto';
import { isRelaySecret } from './relay-secret.ts';

/**
 * Per-flow grants: what a relayed request needs besides the secret. Any script on the app's page
 * can read what the app reads, the secret included, so the secret alone cannot tell the user's
 * flow from a hijacking script. A grant narrows what either can do with it:
 * - it is bound to one MCP server URL, and reaches only that server's origin plus the origins the
 *   relay itself read in that flow's metadata (grant-scope.ts);
 * - there is one at a time: a new grant replaces the last, so a script that takes one breaks the
 *   app's, and the app says so instead of going on quietly;
 * - it lapses after IDLE_MS without use, and MAX_AGE_MS after it was given, whatever happens.
 */
export const GRANT_IDLE_MS = 10 * 60_000;
export const GRANT_MAX_AGE_MS = 60 * 60_000;
/** Origins one flow may reach: the server, its authorization servers and their endpoints. */
export const MAX_GRANT_ORIGINS = 16;

export interface FlowGrant {
  id: string;
  serverUrl: URL;
  origins: Set<string>;
  createdAt: number;
  lastUsedAt: number;
  /** The relay's own read of the flow's metadata, once per grant (grant-scope.ts). */
  discovery?: Promise<void>;
}

export type GrantCheck = FlowGrant | 'missing' | 'replaced' | 'expired';

export interface GrantStore {
  issue(serverUrl: URL): FlowGrant;
  check(id: string | undefined): GrantCheck;
}

export function createGrantStore(now: () => number = Date.now): GrantStore {
  let current: FlowGrant | undefined;
  /** Ids that were replaced, so their holder learns why (a few are enough to tell). */
  const replaced: string[] = [];

  return {
    issue(serverUrl) {
      if (current) replaced.push(current.id);
      if (replaced.length > 16) replaced.shift();
      const at = now();
      current = { id: randomBytes(32).toString('base64url'), serverUrl, origins: new Set([serverUrl.origin]), createdAt: at, lastUsedAt: at };
      return current;
    },
    check(id) {
      if (id === undefined || id === '') return 'missing';
      if (!current || !isRelaySecret(id, current.id)) return replaced.includes(id) ? 'replaced' : 'missing';
      const at = now();
      if (at - current.lastUsedAt > GRANT_IDLE_MS || at - current.createdAt > GRANT_MAX_AGE_MS) {
        current = undefined;
        return 'expired';
      }
      current.lastUsedAt = at;
      return current;
    },
  };
}

export const GRANT_REFUSALS: Record<Exclude<GrantCheck, FlowGrant>, string> = {
  missing: 'This request carries no relay grant. The app asks for one, bound to the MCP server, when you start a run.',
  replaced:
    'This relay grant was replaced by a newer one, given for another run: in another tab of the app, or to a script on the app’s page. Only one flow may use the relay at a time; start the run again to take it back.',
  expired: `This relay grant lapsed (${GRANT_IDLE_MS / 60_000} minutes unused, or ${GRANT_MAX_AGE_MS / 60_000} minutes old). Start the run again.`,
};
