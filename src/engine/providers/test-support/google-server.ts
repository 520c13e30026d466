import { createHash, randomBytes } from 'node:crypto';
import { json } from '../../test-support/loopback-server.ts';
import { imitationJwt, redirectBack, startImitation, type ImitationRequest, type Json } from './imitation.ts';

/**
 * Google as an OAuth provider, on loopback. The issuer is the origin (as https://accounts.google.com),
 * with Google's published openid-configuration field set; the token endpoint is on another host
 * (`localhost` stands in for oauth2.googleapis.com). No RFC 8414 document, no registration endpoint.
 * The token endpoint wants the client secret even when PKCE is used, answering its documented
 * `invalid_request` "client_secret is missing." otherwise; the access token it issues is opaque
 * (ya29.…), and the id_token beside it is a JWT whose aud is the OAuth client id.
 * The MCP server either checks the access token with Google (tokeninfo) or, as many do by
 * mistake, expects a JWT and refuses the opaque one.
 */

export const GOOGLE_CLIENT_ID = '284091173522-q0b1s7tluhk3v6c9d2e5f8a4g7j0m3p6.apps.googleusercontent.com';
export const GOOGLE_CLIENT_SECRET = 'GOCSPX-imitation-Xk3mP9qR2sT5vW8y';

export interface GoogleOptions {
  /** The MCP server validates access tokens as JWTs, so it refuses Google's opaque ones. */
  mcpExpectsJwt?: boolean;
}

export function startGoogle(options: GoogleOptions = {}) {
  const codes = new Map<string, { challenge: string; scope: string }>();
  const issued = new Set<string>();
  return startImitation((base) => {
    const apis = base.replace('127.0.0.1', 'localhost');
    const metadata: Json = {
      issuer: base,
      authorization_endpoint: `${base}/o/oauth2/v2/auth`,
      device_authorization_endpoint: `${apis}/device/code`,
      token_endpoint: `${apis}/token`,
      userinfo_endpoint: `${apis}/v1/userinfo`,
      revocation_endpoint: `${apis}/revoke`,
      jwks_uri: `${apis}/oauth2/v3/certs`,
      response_types_supported: ['code', 'token', 'id_token', 'code token', 'code id_token', 'token id_token', 'code token id_token', 'none'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      scopes_supported: ['openid', 'email', 'profile'],
      token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
      claims_supported: ['aud', 'email', 'email_verified', 'exp', 'family_name', 'given_name', 'iat', 'iss', 'name', 'picture', 'sub'],
      code_challenge_methods_supported: ['plain', 'S256'],
      grant_types_supported: [
        'authorization_code',
        'refresh_token',
        'urn:ietf:params:oauth:grant-type:device_code',
        'urn:ietf:params:oauth:grant-type:jwt-bearer',
      ],
    };
    const authorize = ({ response, url }: ImitationRequest) => {
      const query = url.searchParams;
      if (query.get('client_id') !== GOOGLE_CLIENT_ID) {
        return json(response, 401, { error: 'invalid_client', error_description: 'The OAuth client was not found.' });
      }
      const code = `4/0A${randomBytes(24).toString('base64url')}`;
      codes.set(code, { challenge: query.get('code_challenge') ?? '', scope: query.get('scope') ?? '' });
      return redirectBack(response, query.get('redirect_uri') ?? '', { code, state: query.get('state') ?? '', scope: query.get('scope') ?? '' });
    };
    const token = ({ request, response, form }: ImitationRequest) => {
      const basic = /^Basic (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
      const [basicId, basicSecret] = basic ? Buffer.from(basic, 'base64').toString().split(':').map(decodeURIComponent) : [];
      const clientId = basicId ?? form.get('client_id');
      const secret = basicSecret ?? form.get('client_secret');
      if (!secret) return json(response, 400, { error: 'invalid_request', error_description: 'client_secret is missing.' });
      if (clientId !== GOOGLE_CLIENT_ID || secret !== GOOGLE_CLIENT_SECRET) {
        return json(response, 401, { error: 'invalid_client', error_description: 'Unauthorized' });
      }
      const grant = codes.get(form.get('code') ?? '');
      codes.delete(form.get('code') ?? '');
      const verifier = createHash('sha256')
        .update(form.get('code_verifier') ?? '')
        .digest('base64url');
      if (!grant || verifier !== grant.challenge) return json(response, 400, { error: 'invalid_grant', error_description: 'Bad Request' });
      const now = Math.floor(Date.now() / 1000);
      const accessToken = `ya29.a0${randomBytes(48).toString('base64url')}`;
      issued.add(accessToken);
      const idClaims = {
        iss: base,
        azp: GOOGLE_CLIENT_ID,
        aud: GOOGLE_CLIENT_ID,
        sub: '110248495921238986420',
        email: 'dev@example.com',
        iat: now,
        exp: now + 3599,
      };
      return json(response, 200, {
        access_token: accessToken,
        expires_in: 3599,
        scope: grant.scope,
        token_type: 'Bearer',
        id_token: imitationJwt({ alg: 'RS256', kid: 'imitation', typ: 'JWT' }, idClaims),
      });
    };
    return {
      prm: { authorization_servers: [base], scopes_supported: ['openid', 'email'], bearer_methods_supported: ['header'] },
      routes: {
        '/.well-known/openid-configuration': ({ response }) => json(response, 200, metadata),
        '/o/oauth2/v2/auth': authorize,
        '/token': token,
      },
      // Checked with Google (tokeninfo knows the tokens it issued), unless the server wrongly insists on a JWT.
      acceptsToken: (accessToken) => !options.mcpExpectsJwt && issued.has(accessToken),
    };
  });
}
