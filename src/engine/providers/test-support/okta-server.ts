import { randomBytes } from 'node:crypto';
import { json } from '../../test-support/loopback-server.ts';
import { imitationJwt, redeemCode, redirectBack, startImitation, type ImitationRequest, type Json } from './imitation.ts';

/**
 * Okta on loopback: the org authorization server (issuer = the org URL, endpoints /oauth2/v1/…) and the
 * pre-made custom one, "default" (issuer …/oauth2/default, Audience api://default unless set), with their
 * metadata field sets (https://developer.okta.com/docs/api/openapi/okta-oauth/oauth/tag/CustomAS), and the
 * org's Dynamic Client Registration endpoint /oauth2/v1/clients, which refuses a request without an API
 * token or an access token carrying okta.clients.register: 401, a Bearer challenge naming that scope, and
 * Okta's error body (errorCode E0000011). The org server's tokens carry aud = the org URL.
 */

export interface OktaOptions {
  /** Which authorization server the PRM names: the org one, or the custom "default". */
  server: 'org' | 'default';
  /** The custom server's Audience is set to the MCP server URL; a fresh org has api://default. */
  audienceIsMcpServer?: boolean;
}

export const OKTA_CLIENT_ID = '0oa8f2k1LmN4pQ7rS5d7';

export function startOkta(options: OktaOptions) {
  const codes = new Map<string, { challenge: string; scope: string; aud: string; iss: string }>();
  return startImitation((base) => {
    const servers = { org: { issuer: base, prefix: `${base}/oauth2/v1` }, default: { issuer: `${base}/oauth2/default`, prefix: `${base}/oauth2/default/v1` } };
    const metadata = ({ issuer, prefix }: { issuer: string; prefix: string }): Json => ({
      issuer,
      authorization_endpoint: `${prefix}/authorize`,
      token_endpoint: `${prefix}/token`,
      registration_endpoint: `${base}/oauth2/v1/clients`,
      jwks_uri: `${prefix}/keys`,
      response_types_supported: ['code', 'token', 'id_token', 'code id_token', 'code token', 'id_token token', 'code id_token token'],
      response_modes_supported: ['query', 'fragment', 'form_post', 'okta_post_message'],
      grant_types_supported: [
        'authorization_code',
        'implicit',
        'refresh_token',
        'password',
        'client_credentials',
        'urn:ietf:params:oauth:grant-type:device_code',
      ],
      subject_types_supported: ['public'],
      scopes_supported: ['openid', 'profile', 'email', 'address', 'phone', 'offline_access', 'device_sso'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'client_secret_jwt', 'private_key_jwt', 'none'],
      claims_supported: ['ver', 'jti', 'iss', 'aud', 'iat', 'exp', 'cid', 'uid', 'scp', 'sub'],
      code_challenge_methods_supported: ['S256'],
      introspection_endpoint: `${prefix}/introspect`,
      revocation_endpoint: `${prefix}/revoke`,
      end_session_endpoint: `${prefix}/logout`,
      request_parameter_supported: true,
      request_object_signing_alg_values_supported: ['HS256', 'HS384', 'HS512', 'RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512'],
      device_authorization_endpoint: `${prefix}/device/authorize`,
      dpop_signing_alg_values_supported: ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512'],
    });
    const authorize =
      (server: 'org' | 'default') =>
      ({ response, url }: ImitationRequest) => {
        const query = url.searchParams;
        const code = randomBytes(16).toString('base64url');
        const aud = server === 'org' ? base : options.audienceIsMcpServer ? `${base}/mcp` : 'api://default';
        codes.set(code, { challenge: query.get('code_challenge') ?? '', scope: query.get('scope') ?? '', aud, iss: servers[server].issuer });
        return redirectBack(response, query.get('redirect_uri') ?? '', { code, state: query.get('state') ?? '' });
      };
    const token = ({ response, form }: ImitationRequest) => {
      const grant = redeemCode(codes, form);
      if (grant === 'unknown-code')
        return json(response, 400, { error: 'invalid_grant', error_description: 'The authorization code is invalid or has expired.' });
      if (grant === 'wrong-verifier') {
        return json(response, 400, { error: 'invalid_grant', error_description: 'PKCE verification failed.' });
      }
      const now = Math.floor(Date.now() / 1000);
      const claims = {
        ver: 1,
        jti: `AT.${randomBytes(8).toString('hex')}`,
        iss: grant.iss,
        aud: grant.aud,
        iat: now,
        exp: now + 3600,
        cid: form.get('client_id'),
        scp: grant.scope.split(' '),
        sub: 'user@example.com',
      };
      return json(response, 200, {
        token_type: 'Bearer',
        expires_in: 3600,
        access_token: imitationJwt({ kid: 'imitation', alg: 'RS256' }, claims),
        scope: grant.scope,
      });
    };
    const clients = ({ response }: ImitationRequest) =>
      json(
        response,
        401,
        { errorCode: 'E0000011', errorSummary: 'Invalid token provided', errorLink: 'E0000011', errorId: 'oae1a2b3c4d5e6f7g8h9i0', errorCauses: [] },
        {
          'WWW-Authenticate': `Bearer authorization_uri="${base}/oauth2/v1/authorize", realm="${base}", scope="okta.clients.register", error="invalid_token", error_description="The access token is invalid.", resource="/oauth2/v1/clients"`,
        },
      );
    const chosen = servers[options.server];
    return {
      prm: { authorization_servers: [chosen.issuer], bearer_methods_supported: ['header'] },
      routes: {
        '/.well-known/oauth-authorization-server': ({ response }) => json(response, 200, metadata(servers.org)),
        '/.well-known/openid-configuration': ({ response }) => json(response, 200, metadata(servers.org)),
        '/oauth2/default/.well-known/oauth-authorization-server': ({ response }) => json(response, 200, metadata(servers.default)),
        '/oauth2/default/.well-known/openid-configuration': ({ response }) => json(response, 200, metadata(servers.default)),
        '/oauth2/v1/authorize': authorize('org'),
        '/oauth2/v1/token': token,
        '/oauth2/default/v1/authorize': authorize('default'),
        '/oauth2/default/v1/token': token,
        '/oauth2/v1/clients': clients,
      },
      acceptsToken: (accessToken) => {
        const claims = JSON.parse(Buffer.from(accessToken.split('.')[1] ?? '', 'base64url').toString() || '{}') as Json;
        return claims.aud === `${base}/mcp`;
      },
    };
  });
}
