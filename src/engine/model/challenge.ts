/** One challenge from a WWW-Authenticate header (RFC 9110 §11.6.1). */
export interface Challenge {
  /** The auth scheme as sent, e.g. "Bearer". Compare case-insensitively. */
  scheme: string;
  /** auth-params with lower-cased names and unquoted, unescaped values. */
  params: Record<string, string>;
  /** A token68 value, when the challenge carries one instead of params. */
  token68?: string;
}
