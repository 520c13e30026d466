/**
 * Which parameter and JSON member names hold credentials. OAuth's own names (RFC 6749, RFC 7636,
 * RFC 8693, RFC 8628, RFC 7591) are listed exactly; anything else whose name says key, token,
 * secret or password (`api_key`, `X-Api-Key`, `sessionToken`, `db_password`) counts too, because a
 * server URL like `https://mcp.example.com/mcp?apikey=…` is a common way to hand out access.
 */

const OAUTH_CREDENTIALS = new Set([
  'access_token',
  'refresh_token',
  'id_token',
  'code',
  'code_verifier',
  'client_secret',
  'client_assertion',
  'assertion',
  'subject_token',
  'actor_token',
  'device_code',
  'registration_access_token',
  'token',
  'password',
]);

/** Words that make a name a credential wherever they appear in it, case-insensitively. */
const CREDENTIAL_WORDS = ['apikey', 'api_key', 'api-key', 'token', 'secret', 'password', 'passwd', 'credential', 'signature'];

/** Names that contain such a word but describe a credential instead of being one (token_type, code_challenge…). */
const DESCRIPTIVE_SUFFIXES = ['type', 'method', 'hint', 'challenge', 'uri', 'url', 'endpoint', 'supported', 'in', 'at', 'id', 'name', 'alg', 'use'];

export function isCredentialName(name: string): boolean {
  const lower = name.toLowerCase();
  if (OAUTH_CREDENTIALS.has(lower)) return true;
  // "key" only at the end (key, x-api-key, accesskey), so keywords and key_id stay readable.
  if (!lower.endsWith('key') && !CREDENTIAL_WORDS.some((word) => lower.includes(word))) return false;
  const lastWord = lower.slice(Math.max(lower.lastIndexOf('_'), lower.lastIndexOf('-')) + 1);
  return !DESCRIPTIVE_SUFFIXES.includes(lastWord);
}

/** JSON members: the same, except `code` and `token`, which JSON-RPC and error bodies use for status codes and the like. */
export function isCredentialMember(name: string): boolean {
  const lower = name.toLowerCase();
  return lower !== 'code' && lower !== 'token' && isCredentialName(name);
}
