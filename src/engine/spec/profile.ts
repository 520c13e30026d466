import type { StepKind } from '../model/step-kind.ts';
import type { SpecSections } from './authorization-sections.ts';

/**
 * Every decision of the client that depends on the spec version, as data. One record per version
 * lives in profiles.ts; steps read `ctx.profile.<decision>` and never compare versions themselves,
 * so a new version is one new record (plus the rule catalog's version tags).
 */
export interface SpecProfile<V extends string = string> {
  readonly version: V;
  /** The version's authorization page; a rule or step link adds where the section is (specSections). */
  readonly specLinkBase: string;
  /** The sections the tool cites, and where each is in this version (authorization-sections.ts). */
  readonly specSections: SpecSections;
  readonly transport: McpTransport;
  /** The steps a run of this version walks, in order. */
  readonly steps: readonly StepKind[];
  readonly discovery: Discovery;
  readonly challenge: Challenge;
  /** RFC 8707 `resource` on the authorization, token and refresh requests. */
  readonly resourceParameter: boolean;
  readonly registration: Registration;
  /** Refuse (continuably) when the AS metadata has no code_challenge_methods_supported. */
  readonly pkceMetadataRequired: boolean;
  /** What a 403 insufficient_scope re-authorizes for: the challenged scopes, or their union with the ones asked before. */
  readonly stepUpScope: 'challenged' | 'union';
  /** Pre-registered credentials are bound to the issuer they came from and are never sent to another. */
  readonly credentialsBoundToIssuer: boolean;
  /** RFC 9207 `iss` on the authorization response. */
  readonly iss: IssRules;
  readonly refresh: RefreshRules;
}

/** How the MCP requests look. */
export interface McpTransport {
  /** The first request, the one that meets the 401, and the one that opens the authenticated session. */
  readonly opening: 'initialize' | 'server/discover';
  /** When MCP-Protocol-Version is sent: never, on every request after initialize, or on every request. */
  readonly protocolVersionHeader: 'never' | 'after-initialize' | 'every-request';
  /** Mcp-Method on every request, and Mcp-Name for a tool, prompt or resource. */
  readonly methodHeaders: boolean;
  /** No handshake: each request carries the version, client info and capabilities in `params._meta`. */
  readonly requestMeta: boolean;
}

/** The two well-known protected resource metadata URLs (RFC 9728 §3.1). */
export type PrmWellKnown = 'path-inserted' | 'root';

/** Which well-known authorization server metadata URLs are tried. */
export type AsMetadataOrder = 'rfc8414' | 'rfc8414-then-oidc';

export interface Discovery {
  /** Where the authorization server is found: from the protected resource metadata, or at the MCP server's own origin. */
  readonly authorizationServer: 'protected-resource-metadata' | 'mcp-origin';
  /** The well-known PRM URLs tried, in order, when the challenge names none (empty: there is no PRM). */
  readonly prmFallbackOrder: readonly PrmWellKnown[];
  readonly asMetadataOrder: AsMetadataOrder;
}

export interface Challenge {
  /**
   * What a 401 without a readable resource_metadata means:
   * - `required`: the server broke a MUST and the client stops;
   * - `optional`: the client tries the well-known URLs;
   * - `not-used`: the client never reads the challenge.
   */
  readonly resourceMetadata: 'required' | 'optional' | 'not-used';
  /** The challenge is expected to name the scopes to ask for. */
  readonly scope: boolean;
}

export type RegistrationApproach = 'pre-registered' | 'cimd' | 'dcr';

export interface Registration {
  /** The approaches tried in auto mode, in order. */
  readonly order: readonly RegistrationApproach[];
  /** A dynamic registration request carries application_type ("native" for a loopback redirect, else "web"). */
  readonly sendsApplicationType: boolean;
}

export interface IssRules {
  /** The metadata advertises authorization_response_iss_parameter_supported: iss must be present. */
  readonly requiredWhenAdvertised: boolean;
  /** An iss that is present must equal the issuer, advertised or not. */
  readonly matchWhenPresent: boolean;
}

export interface RefreshRules {
  /** A public client's refresh token must be rotated on use. */
  readonly rotationForPublicClients: boolean;
}

/** A link into the version's authorization page. */
export function specLink(profile: Pick<SpecProfile, 'specLinkBase' | 'specSections'>, anchor = ''): string {
  if (!anchor) return profile.specLinkBase;
  return profile.specLinkBase + (profile.specSections[anchor] ?? `#${anchor}`);
}

/** The section a link built by specLink points to, if it is one of the profile's sections. */
export function specSectionOf(profile: Pick<SpecProfile, 'specLinkBase' | 'specSections'>, link: string): string | undefined {
  return Object.entries(profile.specSections).find(([, where]) => profile.specLinkBase + where === link)?.[0];
}
