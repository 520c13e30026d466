import { randomBytes } from 'node:crypto';
import { json } from '../../test-support/loopback-server.ts';
import { imitationJwt, redeemCode, redirectBack, startImitation, type ImitationRequest, type Json } from './imitation.ts';

/**
 * Keycloak on loopback: a realm "mcp" (issuer …/realms/mcp) with its discovery document field set
 * (https://www.keycloak.org/securing-apps/oidc-layers) at …/realms/mcp/.well-known/openid-configuration,
 * anonymous client registration at …/clients-registrations/openid-connect behind the Trusted Hosts policy
 * (its documented 403 body) and without CORS headers, as Keycloak serves it, and access tokens with
 * aud "account" unless an Audience mapper adds the MCP server.
 */

export interface KeycloakOptions {
  /** The Trusted Hosts policy does not list 127.0.0.1, as in a fresh realm reached from another host. */
  trustedHostsRefuses?: boolean;
  /** An Audience mapper adds the MCP server URL to aud. */
  audienceMapper?: boolean;
}

const REALM = '/realms/mcp';
const REGISTRATION_PATH = `${REALM}/clients-registrations/openid-connect`;

export function startKeycloak(options: KeycloakOptions = {}) {
  const codes = new Map<string, { challenge: string; scope: string; clientId: string }>();
  return startImitation((base) => {
    const issuer = base + REALM;
    const oidc = `${issuer}/protocol/openid-connect`;
    const mcpUrl = `${base}/mcp`;
    const metadata: Json = {
      issuer,
      authorization_endpoint: `${oidc}/auth`,
      token_endpoint: `${oidc}/token`,
      introspection_endpoint: `${oidc}/token/introspect`,
      userinfo_endpoint: `${oidc}/userinfo`,
      end_session_endpoint: `${oidc}/logout`,
      frontchannel_logout_session_supported: true,
      frontchannel_logout_supported: true,
      jwks_uri: `${oidc}/certs`,
      check_session_iframe: `${oidc}/login-status-iframe.html`,
      grant_types_supported: [
        'authorization_code',
        'implicit',
        'refresh_token',
        'password',
        'client_credentials',
        'urn:openid:params:grant-type:ciba',
        'urn:ietf:params:oauth:grant-type:device_code',
      ],
      acr_values_supported: ['0', '1'],
      response_types_supported: ['code', 'none', 'id_token', 'token', 'id_token token', 'code id_token', 'code token', 'code id_token token'],
      subject_types_supported: ['public', 'pairwise'],
      id_token_signing_alg_values_supported: [
        'PS384',
        'RS384',
        'EdDSA',
        'ES384',
        'HS256',
        'HS512',
        'ES256',
        'RS256',
        'HS384',
        'ES512',
        'PS256',
        'PS512',
        'RS512',
      ],
      registration_endpoint: base + REGISTRATION_PATH,
      token_endpoint_auth_methods_supported: ['private_key_jwt', 'client_secret_basic', 'client_secret_post', 'tls_client_auth', 'client_secret_jwt'],
      scopes_supported: [
        'openid',
        'profile',
        'email',
        'roles',
        'web-origins',
        'acr',
        'basic',
        'offline_access',
        'address',
        'phone',
        'microprofile-jwt',
        'organization',
      ],
      code_challenge_methods_supported: ['plain', 'S256'],
      tls_client_certificate_bound_access_tokens: true,
      revocation_endpoint: `${oidc}/revoke`,
      device_authorization_endpoint: `${oidc}/auth/device`,
      backchannel_logout_supported: true,
      backchannel_authentication_endpoint: `${oidc}/ext/ciba/auth`,
      require_pushed_authorization_requests: false,
      pushed_authorization_request_endpoint: `${oidc}/ext/par/request`,
      authorization_response_iss_parameter_supported: true,
    };
    const register = ({ response, body }: ImitationRequest) => {
      if (options.trustedHostsRefuses) {
        return json(response, 403, {
          error: 'insufficient_scope',
          error_description: "Policy 'Trusted Hosts' rejected request to client-registration service. Details: Host not trusted.",
        });
      }
      const sent = JSON.parse(body || '{}') as Json;
      return json(response, 201, {
        redirect_uris: sent.redirect_uris,
        token_endpoint_auth_method: sent.token_endpoint_auth_method ?? 'client_secret_basic',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code', 'none'],
        client_id: randomBytes(16)
          .toString('hex')
          .replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-'),
        client_name: sent.client_name,
        client_id_issued_at: Math.floor(Date.now() / 1000),
        registration_client_uri: `${base}${REGISTRATION_PATH}/client`,
        registration_access_token: randomBytes(24).toString('base64url'),
      });
    };
    const authorize = ({ response, url }: ImitationRequest) => {
      const query = url.searchParams;
      const code = randomBytes(16).toString('base64url');
      codes.set(code, { challenge: query.get('code_challenge') ?? '', scope: query.get('scope') ?? '', clientId: query.get('client_id') ?? '' });
      return redirectBack(response, query.get('redirect_uri') ?? '', { code, state: query.get('state') ?? '', session_state: 'b1c2', iss: issuer });
    };
    const token = ({ response, form }: ImitationRequest) => {
      const grant = redeemCode(codes, form);
      if (grant === 'unknown-code') return json(response, 400, { error: 'invalid_grant', error_description: 'Code not valid' });
      if (grant === 'wrong-verifier') {
        return json(response, 400, { error: 'invalid_grant', error_description: 'PKCE verification failed: Invalid code verifier' });
      }
      const now = Math.floor(Date.now() / 1000);
      const aud = options.audienceMapper ? [mcpUrl, 'account'] : 'account';
      const claims = {
        exp: now + 300,
        iat: now,
        iss: issuer,
        aud,
        sub: 'f2c1e6b0-user',
        typ: 'Bearer',
        azp: grant.clientId,
        scope: `${grant.scope} profile email`.trim(),
      };
      return json(response, 200, {
        access_token: imitationJwt({ alg: 'RS256', typ: 'JWT', kid: 'imitation' }, claims),
        expires_in: 300,
        refresh_expires_in: 1800,
        refresh_token: imitationJwt({ alg: 'HS512', typ: 'JWT' }, { typ: 'Refresh', iss: issuer }),
        token_type: 'Bearer',
        'not-before-policy': 0,
        session_state: 'b1c2',
        scope: claims.scope,
      });
    };
    return {
      prm: { authorization_servers: [issuer], bearer_methods_supported: ['header'] },
      routes: {
        [`${REALM}/.well-known/openid-configuration`]: ({ response }) => json(response, 200, metadata),
        [REGISTRATION_PATH]: register,
        [`${REALM}/protocol/openid-connect/auth`]: authorize,
        [`${REALM}/protocol/openid-connect/token`]: token,
      },
      cors: (path): Record<string, string> =>
        path === REGISTRATION_PATH ? {} : { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'WWW-Authenticate, Mcp-Session-Id' },
      acceptsToken: (accessToken) => {
        const claims = JSON.parse(Buffer.from(accessToken.split('.')[1] ?? '', 'base64url').toString() || '{}') as Json;
        return Array.isArray(claims.aud) && claims.aud.includes(mcpUrl);
      },
    };
  });
}
