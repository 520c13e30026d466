/**
 * Where each section of the authorization spec the tool cites lives in one version: its id (the
 * anchor it has in the version that named it) → the URL suffix after the version's `specLinkBase`.
 * Sections move and get renamed between versions; this table is what lets a finding's link point
 * to the version the run used. A section a version does not have is not listed.
 *
 * Read from the headings of modelcontextprotocol/modelcontextprotocol
 * docs/specification/<version>/basic/authorization.mdx (2026-07-28: basic/authorization/*.mdx,
 * four pages) at commit b0f60ba; the site's anchor is the heading in lower case, spaces as "-".
 */
export type SpecSections = Readonly<Record<string, string>>;

const on = (page: string, ids: readonly string[]): Record<string, string> => Object.fromEntries(ids.map((id) => [id, `${page}#${id}`]));

export const SECTIONS_2025_03_26: SpecSections = {
  ...on('', ['access-token-usage', 'authorization-flow-steps', 'error-handling', 'token-handling']),
  // "Server Metadata Discovery" and "Authorization Base URL" (the AS at the MCP server's origin)
  // are what later versions call authorization server metadata discovery and location.
  'authorization-server-metadata-discovery': '#server-metadata-discovery',
  'authorization-server-location': '#authorization-base-url',
  // The only way to register a client this version describes.
  'client-registration-approaches': '#dynamic-client-registration',
};

export const SECTIONS_2025_06_18: SpecSections = {
  ...on('', [
    'access-token-usage',
    'authorization-flow-steps',
    'authorization-server-location',
    'error-handling',
    'token-handling',
    'token-audience-binding-and-validation',
    'communication-security',
    'authorization-code-protection',
  ]),
  'authorization-server-metadata-discovery': '#server-metadata-discovery',
  'client-registration-approaches': '#dynamic-client-registration',
};

export const SECTIONS_2025_11_25: SpecSections = on('', [
  'access-token-usage',
  'authorization-flow-steps',
  'authorization-server-location',
  'protected-resource-metadata-discovery-requirements',
  'authorization-server-metadata-discovery',
  'client-registration-approaches',
  'client-id-metadata-documents',
  'scope-selection-strategy',
  'error-handling',
  'runtime-insufficient-scope-errors',
  'step-up-authorization-flow',
  'token-handling',
  'token-audience-binding-and-validation',
  'communication-security',
  'authorization-code-protection',
]);

/** 2026-07-28 splits the page in four: the overview, server discovery, client registration, security considerations. */
export const SECTIONS_2026_07_28: SpecSections = {
  ...on('', [
    'access-token-usage',
    'authorization-flow-steps',
    'scope-selection-strategy',
    'error-handling',
    'runtime-insufficient-scope-errors',
    'step-up-authorization-flow',
    'token-handling',
    'refresh-tokens',
  ]),
  ...on('/authorization-server-discovery', [
    'authorization-server-location',
    'protected-resource-metadata-discovery-requirements',
    'authorization-server-metadata-discovery',
  ]),
  ...on('/client-registration', ['client-id-metadata-documents']),
  ...on('/security-considerations', ['token-audience-binding-and-validation', 'communication-security', 'authorization-code-protection']),
  // "Client Registration Approaches" became "Client Registration", on the overview page.
  'client-registration-approaches': '#client-registration',
};
