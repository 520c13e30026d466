import { createHash, randomBytes } from 'node:crypto';
import { json } from '../../test-support/loopback-server.ts';
import { imitationJwt, redirectBack, startImitation, type ImitationRequest, type Json } from './imitation.ts';

/**
 * An Amazon Cognito user pool on loopback. The issuer is the pool under cognito-idp
 * (…/{region}_{id}); the hosted UI and OAuth endpoints live on the user pool domain, another host
 * (`localhost` stands in for {domain}.auth.{region}.amazoncognito.com). Only OpenID Connect
 * discovery is served, with the field set of a real pool's openid-configuration: no RFC 8414
 * document, no registration_endpoint, no code_challenge_methods_supported, though /oauth2/authorize
 * takes S256 PKCE. Access tokens carry client_id, scope and token_use "access", and no aud
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-access-token.html);
 * the MCP server checks them as Cognito documents: issuer, token_use and the app client.
 */

export const COGNITO_POOL_ID = 'eu-west-1_Xq7Rb2mQp';
/** A public app client (no secret) a developer created in the pool, with http://localhost:5173/callback allowed. */
export const COGNITO_CLIENT_ID = '3n4b5urk1ft4fl3mg5e7ltqmp9';
/** A custom scope of the pool's resource server "mcp" (Cognito writes resource-server-identifier/scope). */
export const COGNITO_SCOPE = 'mcp/tools';

export function startCognito() {
  const codes = new Map<string, { challenge: string; scope: string }>();
  return startImitation((base) => {
    const issuer = `${base}/${COGNITO_POOL_ID}`;
    const domain = base.replace('127.0.0.1', 'localhost');
    const metadata: Json = {
      authorization_endpoint: `${domain}/oauth2/authorize`,
      end_session_endpoint: `${domain}/logout`,
      id_token_signing_alg_values_supported: ['RS256'],
      issuer,
      jwks_uri: `${issuer}/.well-known/jwks.json`,
      response_types_supported: ['code', 'token'],
      revocation_endpoint: `${domain}/oauth2/revoke`,
      scopes_supported: ['openid', 'email', 'phone', 'profile'],
      subject_types_supported: ['public'],
      token_endpoint: `${domain}/oauth2/token`,
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      userinfo_endpoint: `${domain}/oauth2/userInfo`,
    };
    const authorize = ({ response, url }: ImitationRequest) => {
      const query = url.searchParams;
      // The hosted UI shows its own error page for an unknown client; it never redirects back.
      if (query.get('client_id') !== COGNITO_CLIENT_ID) return json(response, 400, { error: 'invalid_client' });
      const code = randomBytes(16).toString('base64url');
      codes.set(code, { challenge: query.get('code_challenge') ?? '', scope: query.get('scope') ?? '' });
      return redirectBack(response, query.get('redirect_uri') ?? '', { code, state: query.get('state') ?? '' });
    };
    const token = ({ response, form }: ImitationRequest) => {
      const grant = codes.get(form.get('code') ?? '');
      codes.delete(form.get('code') ?? '');
      const verifier = createHash('sha256')
        .update(form.get('code_verifier') ?? '')
        .digest('base64url');
      if (!grant || verifier !== grant.challenge) return json(response, 400, { error: 'invalid_grant' });
      const now = Math.floor(Date.now() / 1000);
      const sub = 'a1b2c3d4-0000-4000-8000-00000000cafe';
      const accessClaims = {
        sub,
        iss: issuer,
        client_id: COGNITO_CLIENT_ID,
        origin_jti: randomBytes(8).toString('hex'),
        event_id: randomBytes(8).toString('hex'),
        token_use: 'access',
        scope: grant.scope,
        auth_time: now,
        exp: now + 3600,
        iat: now,
        jti: randomBytes(8).toString('hex'),
        username: 'dev-user',
      };
      const idClaims = { sub, aud: COGNITO_CLIENT_ID, iss: issuer, token_use: 'id', auth_time: now, exp: now + 3600, iat: now, email: 'dev@example.com' };
      return json(response, 200, {
        id_token: imitationJwt({ kid: 'id-key', alg: 'RS256' }, idClaims),
        access_token: imitationJwt({ kid: 'access-key', alg: 'RS256' }, accessClaims),
        refresh_token: randomBytes(32).toString('base64url'),
        expires_in: 3600,
        token_type: 'Bearer',
      });
    };
    return {
      prm: { authorization_servers: [issuer], scopes_supported: [COGNITO_SCOPE], bearer_methods_supported: ['header'] },
      routes: {
        [`/${COGNITO_POOL_ID}/.well-known/openid-configuration`]: ({ response }) => json(response, 200, metadata),
        '/oauth2/authorize': authorize,
        '/oauth2/token': token,
      },
      acceptsToken: (accessToken) => {
        const claims = claimsOf(accessToken);
        return claims?.iss === issuer && claims.token_use === 'access' && claims.client_id === COGNITO_CLIENT_ID;
      },
    };
  });
}

function claimsOf(token: string): Json | undefined {
  try {
    return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as Json;
  } catch {
    return undefined;
  }
}
