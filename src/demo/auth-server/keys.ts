import { randomBytes, randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, type JWK } from 'jose';

/** A fresh RS256 signing key per start: nothing secret is ever committed to the repo. */
export async function generateSigningJwks(): Promise<{ keys: JWK[] }> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  return { keys: [{ ...jwk, alg: 'RS256', use: 'sig', kid: randomUUID() }] };
}

/** Keys oidc-provider signs its session and interaction cookies with. */
export function generateCookieKeys(): string[] {
  return [randomBytes(32).toString('base64url')];
}
