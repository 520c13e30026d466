import { randomBytes } from 'node:crypto';
import { json } from '../../test-support/loopback-server.ts';
import { imitationJwt, redeemCode, redirectBack, startImitation, type ImitationRequest, type Json } from './imitation.ts';

/**
 * Auth0 on loopback: the tenant's discovery document field set
 * (https://auth0.com/docs/get-started/applications/configure-applications-with-oidc-discovery), served at both
 * well-known URLs, with the issuer's trailing slash; open dynamic registration at /oidc/register; and the
 * documented token behaviour: `audience` (or, with the Resource Parameter Compatibility Profile on, `resource`)
 * naming a registered API gives an RS256 JWT for it, anything else a JWE for /userinfo (header alg "dir",
 * enc A256GCM, iss), which the MCP server cannot read and refuses.
 */

export interface Auth0Options {
  /** Settings → Advanced → Resource Parameter Compatibility Profile. Off by default, as on a tenant. */
  compatibilityProfile?: boolean;
  /** The PRM names the issuer without its trailing slash. */
  prmIssuerWithoutSlash?: boolean;
}

export function startAuth0(options: Auth0Options = {}) {
  const codes = new Map<string, { challenge: string; scope: string; audience?: string }>();
  return startImitation((base) => {
    const issuer = `${base}/`;
    const api = `${base}/mcp`;
    const metadata: Json = {
      issuer,
      authorization_endpoint: `${base}/authorize`,
      token_endpoint: `${base}/oauth/token`,
      device_authorization_endpoint: `${base}/oauth/device/code`,
      userinfo_endpoint: `${base}/userinfo`,
      mfa_challenge_endpoint: `${base}/mfa/challenge`,
      jwks_uri: `${base}/.well-known/jwks.json`,
      registration_endpoint: `${base}/oidc/register`,
      revocation_endpoint: `${base}/oauth/revoke`,
      scopes_supported: ['openid', 'profile', 'offline_access', 'name', 'given_name', 'family_name', 'nickname', 'email', 'email_verified', 'picture'],
      response_types_supported: ['code', 'token', 'id_token', 'code token', 'code id_token', 'token id_token', 'code token id_token'],
      code_challenge_methods_supported: ['S256', 'plain'],
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['public'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'private_key_jwt'],
      claims_supported: [
        'aud',
        'auth_time',
        'created_at',
        'email',
        'email_verified',
        'exp',
        'family_name',
        'given_name',
        'iat',
        'identities',
        'iss',
        'name',
        'nickname',
        'phone_number',
        'picture',
        'sub',
      ],
      request_uri_parameter_supported: false,
      request_parameter_supported: false,
      id_token_signing_alg_values_supported: ['HS256', 'RS256', 'PS256'],
      end_session_endpoint: `${base}/oidc/logout`,
    };
    const audienceOf = (query: URLSearchParams): string | undefined =>
      query.get('audience') ?? (options.compatibilityProfile ? (query.get('resource') ?? undefined) : undefined);
    const authorize = ({ response, url }: ImitationRequest) => {
      const query = url.searchParams;
      const code = randomBytes(16).toString('base64url');
      const audience = audienceOf(query);
      codes.set(code, { challenge: query.get('code_challenge') ?? '', scope: query.get('scope') ?? '', ...(audience ? { audience } : {}) });
      return redirectBack(response, query.get('redirect_uri') ?? '', { code, state: query.get('state') ?? '' });
    };
    const token = ({ response, form }: ImitationRequest) => {
      const grant = redeemCode(codes, form);
      if (grant === 'unknown-code') return json(response, 403, { error: 'invalid_grant', error_description: 'Invalid authorization code' });
      if (grant === 'wrong-verifier') {
        return json(response, 403, { error: 'invalid_grant', error_description: 'Failed to verify code verifier' });
      }
      const audience = grant.audience ?? audienceOf(form);
      const now = Math.floor(Date.now() / 1000);
      const accessToken =
        audience === api
          ? imitationJwt(
              { alg: 'RS256', typ: 'JWT', kid: 'imitation' },
              { iss: issuer, sub: 'auth0|user-1', aud: [api, `${base}/userinfo`], iat: now, exp: now + 86400, scope: grant.scope },
            )
          : jwe(issuer);
      return json(response, 200, { access_token: accessToken, expires_in: 86400, token_type: 'Bearer', scope: grant.scope });
    };
    const register = ({ response, body }: ImitationRequest) => {
      const sent = JSON.parse(body || '{}') as Json;
      return json(response, 201, {
        client_name: sent.client_name,
        client_id: randomBytes(16).toString('hex'),
        redirect_uris: sent.redirect_uris,
        token_endpoint_auth_method: sent.token_endpoint_auth_method ?? 'client_secret_post',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
      });
    };
    return {
      prm: { authorization_servers: [options.prmIssuerWithoutSlash ? base : issuer], bearer_methods_supported: ['header'] },
      routes: {
        '/.well-known/openid-configuration': ({ response }) => json(response, 200, metadata),
        '/.well-known/oauth-authorization-server': ({ response }) => json(response, 200, metadata),
        '/authorize': authorize,
        '/oauth/token': token,
        '/oidc/register': register,
      },
      acceptsToken: (accessToken) => {
        const [, payload] = accessToken.split('.');
        const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString() || '{}') as Json;
        return Array.isArray(claims.aud) && claims.aud.includes(api);
      },
    };
  });
}

/** A compact JWE (five parts) as Auth0 issues for /userinfo: only its header is readable. */
function jwe(issuer: string): string {
  const header = Buffer.from(JSON.stringify({ alg: 'dir', enc: 'A256GCM', iss: issuer })).toString('base64url');
  const part = (size: number) => randomBytes(size).toString('base64url');
  return `${header}..${part(12)}.${part(64)}.${part(16)}`;
}
