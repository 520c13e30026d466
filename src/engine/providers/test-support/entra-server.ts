import { randomBytes } from 'node:crypto';
import { json } from '../../test-support/loopback-server.ts';
import { imitationJwt, redeemCode, redirectBack, startImitation, type ImitationRequest } from './imitation.ts';

/**
 * Microsoft Entra ID v2.0 on loopback: the published openid-configuration field set of a tenant
 * (https://learn.microsoft.com/en-us/entra/identity-platform/v2-protocols-oidc), without
 * code_challenge_methods_supported or registration_endpoint as the real one, S256 PKCE enforced all
 * the same, and its documented errors in their real shapes: the authorize endpoint's error redirect
 * (error, error_description "AADSTS…\r\nTrace ID…", error_uri) and the token endpoint's JSON
 * (error, error_description, error_codes, timestamp, trace_id, correlation_id, error_uri).
 * The v1 metadata (…/{tenant}/.well-known/openid-configuration) names the v1 issuer; `localhost`
 * stands in for sts.windows.net, another host than the v2 authority's.
 */

export const ENTRA_TENANT = '7d3f5c1a-2b4e-4f6a-9c8d-0e1f2a3b4c5d';
/** The MCP server's own app registration: its API is api://<this>. */
export const ENTRA_API_APP_ID = '4b1e8f2c-93a7-4d5e-b6c0-1a2b3c4d5e6f';
/** The client app a developer registered, with the redirect URIs below. */
export const ENTRA_CLIENT_ID = 'c0ffee00-1111-4222-8333-944455556666';

export interface EntraOptions {
  /** What the authority does with `resource`: v2.0 refuses it (AADSTS901002); newer tenants refuse one that differs from the scope's API (AADSTS9010010). */
  resource?: 'unsupported' | 'must-match';
  /** The PRM names the v1 authority (…/{tenant}) instead of the v2.0 one. */
  prmNamesV1?: boolean;
}

export function startEntra(options: EntraOptions = {}) {
  const codes = new Map<string, { challenge: string; scope: string }>();
  return startImitation((base) => {
    const v2 = `${base}/${ENTRA_TENANT}/v2.0`;
    const v1Issuer = `${base.replace('127.0.0.1', 'localhost')}/${ENTRA_TENANT}/`;
    const oauth2 = `${base}/${ENTRA_TENANT}/oauth2`;
    const failure = (code: number, error: string, message: string) => ({
      error,
      error_description: `AADSTS${code}: ${message}\r\nTrace ID: 0a1b2c3d-0000-4000-8000-000000000001\r\nCorrelation ID: 5e6f7a8b-0000-4000-8000-000000000002\r\nTimestamp: 2026-05-04 10:00:00Z`,
      error_codes: [code],
      timestamp: '2026-05-04 10:00:00Z',
      trace_id: '0a1b2c3d-0000-4000-8000-000000000001',
      correlation_id: '5e6f7a8b-0000-4000-8000-000000000002',
      error_uri: `${base}/error?code=${code}`,
    });
    const resourceRefusal = (resource: string | null, scope: string) => {
      if (resource === null) return undefined;
      if (options.resource !== 'must-match') return failure(901002, 'invalid_request', "The 'resource' request parameter is not supported.");
      const api = /^(api:\/\/[^/]+)\//.exec(scope)?.[1];
      return resource === api
        ? undefined
        : failure(9010010, 'invalid_target', "The resource parameter provided in the request doesn't match with the requested scopes.");
    };
    const metadata = (issuer: string, prefix: string) => ({
      token_endpoint: `${prefix}/token`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      jwks_uri: `${base}/${ENTRA_TENANT}/discovery/v2.0/keys`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      issuer,
      request_uri_parameter_supported: false,
      userinfo_endpoint: `${base}/oidc/userinfo`,
      authorization_endpoint: `${prefix}/authorize`,
      device_authorization_endpoint: `${prefix}/devicecode`,
      http_logout_supported: true,
      frontchannel_logout_supported: true,
      end_session_endpoint: `${prefix}/logout`,
      claims_supported: [
        'sub',
        'iss',
        'aud',
        'exp',
        'iat',
        'auth_time',
        'acr',
        'nonce',
        'preferred_username',
        'name',
        'tid',
        'ver',
        'at_hash',
        'c_hash',
        'email',
      ],
      kerberos_endpoint: `${base}/${ENTRA_TENANT}/kerberos`,
      tenant_region_scope: 'EU',
      cloud_instance_name: 'microsoftonline.com',
      cloud_graph_host_name: 'graph.windows.net',
      msgraph_host: 'graph.microsoft.com',
      rbac_url: 'https://pas.windows.net',
    });
    const authorize = ({ response, url }: ImitationRequest) => {
      const query = url.searchParams;
      const redirectUri = query.get('redirect_uri') ?? '';
      const state = query.get('state') ?? '';
      if (query.get('client_id') !== ENTRA_CLIENT_ID) {
        const { error, error_description } = failure(
          700016,
          'unauthorized_client',
          `Application with identifier '${query.get('client_id')}' was not found in the directory.`,
        );
        return json(response, 400, { error, error_description });
      }
      const scope = query.get('scope') ?? '';
      const refused = resourceRefusal(query.get('resource'), scope);
      if (refused)
        return redirectBack(response, redirectUri, { error: refused.error, error_description: refused.error_description, error_uri: refused.error_uri, state });
      const code = randomBytes(16).toString('base64url');
      codes.set(code, { challenge: query.get('code_challenge') ?? '', scope });
      return redirectBack(response, redirectUri, { code, state, session_state: 'a1b2c3d4' });
    };
    const token = ({ response, form }: ImitationRequest) => {
      const grant = redeemCode(codes, form);
      if (grant === 'unknown-code')
        return json(response, 400, failure(70008, 'invalid_grant', 'The provided authorization code or refresh token has expired due to inactivity.'));
      if (grant === 'wrong-verifier') {
        return json(
          response,
          400,
          failure(501481, 'invalid_grant', 'The Code_Verifier does not match the code_challenge supplied in the authorization request.'),
        );
      }
      const refused = resourceRefusal(form.get('resource'), grant.scope);
      if (refused) return json(response, 400, refused);
      const now = Math.floor(Date.now() / 1000);
      const claims = { aud: ENTRA_API_APP_ID, iss: v2, iat: now, nbf: now, exp: now + 3600, scp: 'user_impersonation', tid: ENTRA_TENANT, ver: '2.0' };
      return json(response, 200, {
        token_type: 'Bearer',
        scope: grant.scope,
        expires_in: 3600,
        ext_expires_in: 3600,
        access_token: imitationJwt({ typ: 'JWT', alg: 'RS256', kid: 'imitation' }, claims),
        refresh_token: randomBytes(24).toString('base64url'),
      });
    };
    return {
      prm: {
        authorization_servers: [options.prmNamesV1 ? `${base}/${ENTRA_TENANT}` : v2],
        scopes_supported: [`api://${ENTRA_API_APP_ID}/user_impersonation`],
        bearer_methods_supported: ['header'],
      },
      routes: {
        [`/${ENTRA_TENANT}/v2.0/.well-known/openid-configuration`]: ({ response }) => json(response, 200, metadata(v2, `${oauth2}/v2.0`)),
        [`/${ENTRA_TENANT}/.well-known/openid-configuration`]: ({ response }) => json(response, 200, metadata(v1Issuer, oauth2)),
        [`/${ENTRA_TENANT}/oauth2/v2.0/authorize`]: authorize,
        [`/${ENTRA_TENANT}/oauth2/v2.0/token`]: token,
      },
    };
  });
}
