/**
 * The suite's extension scenarios (tagged `[extension]`): optional MCP extensions, each a grant or
 * token binding this tool does not implement. They are listed in the table with the reason, never
 * dropped silently; an extension a newer suite adds shows up as "not reviewed" until it has a reason.
 */
const NOT_SUPPORTED: { prefix: string; reason: string }[] = [
  {
    prefix: 'auth/client-credentials-',
    reason:
      'OAuth client credentials extension: a machine-to-machine client_credentials grant with no user and no authorization code flow, which is what this tool inspects',
  },
  {
    prefix: 'auth/enterprise-managed-authorization',
    reason: 'enterprise-managed authorization extension: an identity assertion grant (ID-JAG) from an enterprise IdP, not the authorization code flow',
  },
  { prefix: 'auth/dpop', reason: 'DPoP extension (RFC 9449): sender-constrained tokens; the engine sends and audits Bearer tokens only' },
  { prefix: 'auth/wif-', reason: 'workload identity federation extension: a JWT bearer grant (RFC 7523) for workloads, with no user' },
];

export interface ExtensionState {
  name: string;
  state: 'not supported' | 'not reviewed';
  reason: string;
}

export function extensionState(name: string): ExtensionState {
  const known = NOT_SUPPORTED.find((entry) => name.startsWith(entry.prefix));
  if (known) return { name, state: 'not supported', reason: known.reason };
  return { name, state: 'not reviewed', reason: 'an extension this script has no entry for yet (scripts/conformance/extensions.ts): not run' };
}
