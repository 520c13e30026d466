import type { StepKind } from '../model/step-kind.ts';
import type { IssRules, RefreshRules, Registration, SpecProfile } from './profile.ts';
import { SECTIONS_2025_03_26, SECTIONS_2025_06_18, SECTIONS_2025_11_25, SECTIONS_2026_07_28 } from './authorization-sections.ts';
import { createProfileRegistry } from './profile-registry.ts';

/**
 * One record per MCP spec version, oldest first: the only place that knows what a version means.
 * To add a version, add its record to SHIPPED_PROFILES and tag the rules in rules/catalog.ts.
 * Section names are those of each version's basic/authorization page unless another page is named.
 */

const page = (version: string) => `https://modelcontextprotocol.io/specification/${version}/basic/authorization`;

/** The steps a version with protected resource metadata walks: the challenge names the PRM, the PRM names the AS. */
const PRM_STEPS: readonly StepKind[] = [
  'mcp-unauthenticated',
  'challenge',
  'prm',
  'as-discovery',
  'registration',
  'authorize',
  'callback',
  'token',
  'mcp-authenticated',
];

/**
 * Pre-registered credentials first, then a Client ID Metadata Document, then dynamic registration
 * (2025-11-25 "Client Registration Approaches"). Earlier versions name only pre-registration and
 * DCR; a CIMD URL is used there only when the user gives one and the AS advertises support, so one
 * order serves every version.
 */
const REGISTRATION: Registration = {
  order: ['pre-registered', 'cimd', 'dcr'],
  // 2026-07-28 "Dynamic Client Registration" requires application_type. Earlier versions do not
  // name it, but it is registered client metadata (OpenID Connect Registration §2) that an RFC 7591
  // server ignores if it does not know it (§2), so one registration body serves every version.
  sendsApplicationType: true,
};

/**
 * RFC 9207 §2.4: with authorization_response_iss_parameter_supported the iss must be present and
 * equal the issuer; without it, an iss that is present must still be equal. 2026-07-28 makes this
 * part of MCP ("Authorization Code Protection"); it is a mix-up defence any OAuth client should
 * have (RFC 9700 §4.4.2), so the client checks it in every version.
 */
const ISS_RFC9207: IssRules = { requiredWhenAdvertised: true, matchWhenPresent: true };

/**
 * A public client's refresh token must be rotated (OAuth 2.1 §4.3.1, RFC 9700 §4.14.2); 2026-07-28
 * repeats it in "Refresh Tokens". A browser client is always public, so it is checked in every version.
 */
const REFRESH: RefreshRules = { rotationForPublicClients: true };

const PROFILE_2025_03_26 = {
  version: '2025-03-26',
  specLinkBase: page('2025-03-26'),
  specSections: SECTIONS_2025_03_26,
  // basic/transports: initialize opens a session; no MCP-Protocol-Version header exists yet.
  transport: { opening: 'initialize', protocolVersionHeader: 'never', methodHeaders: false, requestMeta: false },
  // No protected resource metadata: no challenge to read, no PRM step.
  steps: ['mcp-unauthenticated', 'as-discovery', 'registration', 'authorize', 'callback', 'token', 'mcp-authenticated'],
  // "Server Metadata Discovery": the authorization base URL is the MCP URL without its path, metadata
  // from RFC 8414 there, and the default /authorize, /token, /register when there is none
  // ("Fallbacks for Servers without Metadata Discovery").
  discovery: { authorizationServer: 'mcp-origin', prmFallbackOrder: [], asMetadataOrder: 'rfc8414' },
  challenge: { resourceMetadata: 'not-used', scope: false },
  // RFC 8707 resource arrives in 2025-06-18.
  resourceParameter: false,
  registration: REGISTRATION,
  // PKCE is required, but the client is not told to check the metadata for it until 2025-11-25.
  pkceMetadataRequired: false,
  // The spec has no step-up yet; the client re-authorizes for what the 403 names.
  stepUpScope: 'challenged',
  credentialsBoundToIssuer: false,
  iss: ISS_RFC9207,
  refresh: REFRESH,
} as const satisfies SpecProfile;

const PROFILE_2025_06_18 = {
  version: '2025-06-18',
  specLinkBase: page('2025-06-18'),
  specSections: SECTIONS_2025_06_18,
  // basic/transports "Protocol Version Header": every request after initialize carries MCP-Protocol-Version.
  transport: { opening: 'initialize', protocolVersionHeader: 'after-initialize', methodHeaders: false, requestMeta: false },
  steps: PRM_STEPS,
  // "Authorization Server Location": RFC 9728 PRM, from the challenge or the well-known URLs;
  // "Authorization Server Metadata Discovery": RFC 8414 only.
  discovery: { authorizationServer: 'protected-resource-metadata', prmFallbackOrder: ['path-inserted', 'root'], asMetadataOrder: 'rfc8414' },
  // "Authorization Server Location": servers MUST use WWW-Authenticate to name the PRM on a 401.
  challenge: { resourceMetadata: 'required', scope: false },
  // "Resource Parameter Implementation": MUST send resource (RFC 8707) on authorization and token requests.
  resourceParameter: true,
  registration: REGISTRATION,
  pkceMetadataRequired: false,
  stepUpScope: 'challenged',
  credentialsBoundToIssuer: false,
  iss: ISS_RFC9207,
  refresh: REFRESH,
} as const satisfies SpecProfile;

const PROFILE_2025_11_25 = {
  version: '2025-11-25',
  specLinkBase: page('2025-11-25'),
  specSections: SECTIONS_2025_11_25,
  transport: { opening: 'initialize', protocolVersionHeader: 'after-initialize', methodHeaders: false, requestMeta: false },
  steps: PRM_STEPS,
  // "Protected Resource Metadata Discovery Requirements": path-inserted, then root.
  // "Authorization Server Metadata Discovery": RFC 8414, then OpenID Connect Discovery.
  discovery: { authorizationServer: 'protected-resource-metadata', prmFallbackOrder: ['path-inserted', 'root'], asMetadataOrder: 'rfc8414-then-oidc' },
  // "Protected Resource Metadata Discovery Requirements": the challenge MAY be left out when the
  // well-known PRM exists; "Scope Selection Strategy": the challenge SHOULD name the scope.
  challenge: { resourceMetadata: 'optional', scope: true },
  resourceParameter: true,
  registration: REGISTRATION,
  // "Authorization Code Protection": MUST refuse when code_challenge_methods_supported is absent.
  pkceMetadataRequired: true,
  // "Step-Up Authorization Flow": re-authorize for the scopes the 403 challenge names.
  stepUpScope: 'challenged',
  credentialsBoundToIssuer: false,
  iss: ISS_RFC9207,
  refresh: REFRESH,
} as const satisfies SpecProfile;

const PROFILE_2026_07_28 = {
  version: '2026-07-28',
  specLinkBase: page('2026-07-28'),
  specSections: SECTIONS_2026_07_28,
  // basic/transports: no initialize and no session; every POST carries MCP-Protocol-Version and
  // Mcp-Method (Mcp-Name for a tool, prompt or resource) and names its version in _meta;
  // server/discover is the natural first call.
  transport: { opening: 'server/discover', protocolVersionHeader: 'every-request', methodHeaders: true, requestMeta: true },
  steps: PRM_STEPS,
  discovery: { authorizationServer: 'protected-resource-metadata', prmFallbackOrder: ['path-inserted', 'root'], asMetadataOrder: 'rfc8414-then-oidc' },
  challenge: { resourceMetadata: 'optional', scope: true },
  resourceParameter: true,
  registration: REGISTRATION,
  pkceMetadataRequired: true,
  // "Step-Up Authorization Flow": ask for the union of the scopes asked before and the challenged ones.
  stepUpScope: 'union',
  // "Client Registration Approaches": credentials are bound to the authorization server that issued them.
  credentialsBoundToIssuer: true,
  iss: ISS_RFC9207,
  refresh: REFRESH,
} as const satisfies SpecProfile;

export const SHIPPED_PROFILES = [PROFILE_2025_03_26, PROFILE_2025_06_18, PROFILE_2025_11_25, PROFILE_2026_07_28] as const;

/** The versions this build ships, and their profiles. */
export const SPEC_PROFILES = createProfileRegistry<(typeof SHIPPED_PROFILES)[number]['version']>(SHIPPED_PROFILES);

/** Named records for the rule catalog's links, which cite the text of one particular version. */
export { PROFILE_2025_03_26, PROFILE_2025_06_18, PROFILE_2025_11_25, PROFILE_2026_07_28 };
