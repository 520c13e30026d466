import type { ProviderProfile } from './profile.ts';
import { saidMatch } from './recognize.ts';
import type { Seen } from './seen.ts';

/*
 * A gateway, CDN rule, reverse proxy or SSO proxy in front of the MCP server, not an identity provider: it
 * answers the well-known protected resource metadata URL with its own authentication before the request
 * reaches the server. Sources:
 * - The metadata is fetched by a client that has no token yet (RFC 9728 §3: a GET of the well-known URL, §5.1:
 *   the 401's resource_metadata): https://www.rfc-editor.org/rfc/rfc9728#section-3
 * - A Basic challenge names the protection space in its realm (RFC 7617 §2): https://www.rfc-editor.org/rfc/rfc7617#section-2
 * - A preflight carries no credentials, so whatever authenticates must let OPTIONS through (Fetch, CORS protocol):
 *   https://fetch.spec.whatwg.org/#cors-protocol-and-credentials
 * Its finding (prm.behind-auth) keeps resource_metadata as it is: the URL is right, the intermediary is in the way.
 */

/**
 * A challenge that is not OAuth's, as the refusal details and the CORS verdicts quote it (src/engine/http/refusal.ts):
 * the scheme and its auth-params (RFC 9110 §11.2), and no more, so the evidence never runs on into the sentence around it.
 */
const FOREIGN_CHALLENGE =
  /WWW-Authenticate: (?:Basic|Digest|Negotiate|NTLM)\b(?: [\w-]{1,40}=(?:"[^"]{0,80}"|[^\s,;)"]{1,80}))?(?:, ?[\w-]{1,40}=(?:"[^"]{0,80}"|[^\s,;)"]{1,80})){0,4}/;
/** A refusal on a metadata URL, as prm.behind-auth and prm.unreachable word it, or a CORS verdict on it ("(GET …/oauth-protected-resource → 401)"). */
const METADATA_REFUSED = /oauth-protected-resource\S{0,200} (?:(?:answered (?:the relay )?|→ )HTTP 40[13]|→ 40[13](?=\)))/;

export const GATEWAY: ProviderProfile = {
  id: 'gateway',
  name: 'Gateway, CDN or proxy in front of the server',
  docs: 'https://www.rfc-editor.org/rfc/rfc9728#section-3',
  signals: [
    { says: 'its own challenge on the metadata URL', strong: true, find: (seen) => saidMatch(seen.said, FOREIGN_CHALLENGE) },
    { says: 'a refusal on the metadata URL', find: (seen) => saidMatch(seen.said, METADATA_REFUSED) },
    {
      says: 'a page with no OAuth challenge',
      find: (seen) => closedQuote(saidMatch(seen.said, /no WWW-Authenticate challenge; the body reads "[^"]{1,60}"?/)),
    },
  ],
  deviations: [
    {
      id: 'gateway.metadata-behind-auth',
      // The CORS verdicts on the intermediary's refusal too: their own fix would have the server expose the
      // intermediary's challenge, when the lever is the exemption (then the MCP server's own CORS answers).
      rules: ['prm.behind-auth', 'prm.unreachable', 'http.blocked', 'cors.no-allow-origin', 'cors.header-not-exposed'],
      applies: (finding, _seen, text) => finding.ruleId === 'prm.behind-auth' || METADATA_REFUSED.test(text) || blockedMetadataUrl(finding.detail),
      cause:
        'The answer on the metadata URL is not the MCP server’s: something in front of it demands credentials of its own, which a client ' +
        'that has no token yet cannot have (and, being unaware of the app, it sends a browser no CORS headers either).',
      fix: (seen) =>
        `Exempt /.well-known/* (at least /.well-known/oauth-protected-resource and the paths under it) and OPTIONS requests from authentication in ${who(seen)}, ` +
        'so they reach the MCP server untouched. Keep resource_metadata in the 401 as it is: the URL is right, the intermediary is in the way.',
      docs: 'https://www.rfc-editor.org/rfc/rfc9728#section-3',
    },
  ],
};

/** A quote the pattern cut short ends at a whole word and is closed, so the evidence never stops mid-word inside an open quote. */
function closedQuote(match: string | undefined): string | undefined {
  if (match === undefined || match.endsWith('"')) return match;
  const space = match.lastIndexOf(' ');
  return `${space > match.indexOf('"') ? match.slice(0, space) : match}…"`;
}

/** The intermediary by its realm, when its challenge named one. */
function who(seen: Seen): string {
  const realm = saidMatch(seen.said, /realm="[^"]{1,80}"/);
  return realm ? `the gateway or proxy whose challenge says ${realm}` : 'the gateway, CDN rule or SSO proxy in front of the server';
}

/** http.blocked on a metadata URL: its detail opens with "<url> was blocked" (protected-resource-metadata.ts). */
function blockedMetadataUrl(detail: string): boolean {
  const space = detail.indexOf(' ');
  return space > 0 && detail.slice(0, space).includes('/.well-known/oauth-protected-resource') && detail.startsWith(' was blocked', space);
}
