import type { Learned } from '../../engine/session/types.ts';

export const SECRET_MASK = '••••••';

/** The secret values this session knows; presenter mode hides them wherever they appear. */
export function knownSecrets(learned: Learned): string[] {
  const values = [
    learned.pkce?.verifier,
    learned.code,
    learned.state,
    learned.tokens?.access_token,
    learned.tokens?.refresh_token,
    learned.client?.client_secret,
  ];
  // Very short values would mask unrelated text.
  return values.filter((value): value is string => typeof value === 'string' && value.length >= 8);
}

export function maskSecrets(text: string, secrets: readonly string[]): string {
  let masked = text;
  for (const secret of secrets) masked = masked.split(secret).join(SECRET_MASK);
  return masked;
}
