import { createHash, randomBytes } from 'node:crypto';
import { followLoginPages } from './login-pages.ts';

/** A public OAuth client in plain fetch: what the app does in the browser, minus the browser. */

/** The browser app's redirect URI: its callback.html page (src/ui/app-base.ts). */
export const TEST_REDIRECT_URI = 'http://localhost:5173/callback.html';
export const TEST_APP_ORIGIN = 'http://localhost:5173';

export interface AuthorizationServerMetadata {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  registration_endpoint: string;
  [key: string]: unknown;
}

export interface TokenResponse {
  access_token: string;
  token_type: string;
  refresh_token?: string;
  scope?: string;
  expires_in?: number;
}

/** RFC 8414 §3.1: for an issuer with a path, the well-known segment goes before that path. */
export function authorizationServerMetadataUrl(issuer: string): string {
  const { origin, pathname } = new URL(issuer);
  return `${origin}/.well-known/oauth-authorization-server${pathname === '/' ? '' : pathname}`;
}

export async function discover(issuer: string): Promise<AuthorizationServerMetadata> {
  const response = await fetch(authorizationServerMetadataUrl(issuer));
  if (response.status !== 200) throw new Error(`no metadata for ${issuer}: ${response.status}`);
  return (await response.json()) as AuthorizationServerMetadata;
}

export async function registerClient(
  metadata: AuthorizationServerMetadata,
  {
    applicationType = 'native',
    clientName = 'Headless test client',
    redirectUri = TEST_REDIRECT_URI,
  }: { applicationType?: 'native' | 'web'; clientName?: string; redirectUri?: string } = {},
): Promise<string> {
  const response = await fetch(metadata.registration_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: TEST_APP_ORIGIN },
    body: JSON.stringify({
      application_type: applicationType,
      client_name: clientName,
      redirect_uris: [redirectUri],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
    }),
  });
  if (response.status !== 201) throw new Error(`registration failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { client_id: string }).client_id;
}

export interface AuthorizationOutcome {
  /** Where the authorization server finally sent the browser (our redirect_uri with code or error). */
  callbackUrl: URL;
  codeVerifier: string;
  state: string;
  /** The HTML pages the user went through, as the server rendered them. */
  pages: string[];
  redirectUri: string;
}

export interface AuthorizationRequest {
  metadata: AuthorizationServerMetadata;
  clientId: string;
  /** Omitted by 2025-03-26 clients, which know no RFC 8707. */
  resource?: string;
  scope: string;
  redirectUri?: string;
}

/** The authorization URL with PKCE S256 and state, and the secrets the client keeps for later. */
export function buildAuthorizationRequest({ metadata, clientId, resource, scope, redirectUri = TEST_REDIRECT_URI }: AuthorizationRequest): {
  url: URL;
  codeVerifier: string;
  state: string;
} {
  const codeVerifier = randomBytes(32).toString('base64url');
  const state = randomBytes(16).toString('base64url');
  const url = new URL(metadata.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: redirectUri,
    scope,
    state,
    ...(resource === undefined ? {} : { resource }),
    code_challenge: createHash('sha256').update(codeVerifier).digest('base64url'),
    code_challenge_method: 'S256',
  }).toString();
  return { url, codeVerifier, state };
}

/** Runs the front channel like a browser: follows redirects, signs in, and presses Allow or Deny. */
export async function authorize({ decision = 'Allow', ...request }: AuthorizationRequest & { decision?: 'Allow' | 'Deny' }): Promise<AuthorizationOutcome> {
  const { url: authorizeUrl, codeVerifier, state } = buildAuthorizationRequest(request);
  const redirectUri = request.redirectUri ?? TEST_REDIRECT_URI;

  const { callbackUrl, pages } = await followLoginPages(authorizeUrl.href, redirectUri, decision);
  return { callbackUrl, codeVerifier, state, pages, redirectUri };
}

export interface CodeRedemption {
  metadata: AuthorizationServerMetadata;
  clientId: string;
  /** Omitted by 2025-03-26 clients. */
  resource?: string;
  outcome: AuthorizationOutcome;
}

export async function redeemCode(redemption: CodeRedemption): Promise<TokenResponse> {
  return readTokens(await postCodeToTokenEndpoint(redemption));
}

/** The token request for the code, answered as the server sent it (headers included). */
export async function postCodeToTokenEndpoint({ metadata, clientId, resource, outcome }: CodeRedemption): Promise<Response> {
  const code = outcome.callbackUrl.searchParams.get('code');
  if (!code) throw new Error(`no code in ${outcome.callbackUrl.href}`);
  return postToTokenEndpoint(metadata, {
    grant_type: 'authorization_code',
    code,
    code_verifier: outcome.codeVerifier,
    redirect_uri: outcome.redirectUri,
    client_id: clientId,
    ...(resource === undefined ? {} : { resource }),
  });
}

export async function tokenRequest(metadata: AuthorizationServerMetadata, parameters: Record<string, string>): Promise<TokenResponse> {
  return readTokens(await postToTokenEndpoint(metadata, parameters));
}

/** A form POST, as a browser app sends it: a CORS "simple request", so no preflight goes first. */
function postToTokenEndpoint(metadata: AuthorizationServerMetadata, parameters: Record<string, string>): Promise<Response> {
  return fetch(metadata.token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: TEST_APP_ORIGIN },
    body: new URLSearchParams(parameters),
  });
}

async function readTokens(response: Response): Promise<TokenResponse> {
  if (response.status !== 200) throw new Error(`token request failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as TokenResponse;
}

/** The action of the form holding the button with this visible text. */
