import { safeString } from '../text/safe-string.ts';

/**
 * A claim's value as the server sent it, in JSON: a string in quotes, a list as [..], an object
 * as {..}; `null` is named "JSON null" so it never reads like our own code leaking.
 */
export function claimValueText(value: unknown): string {
  if (value === null) return 'JSON null';
  return typeof value === 'string' ? JSON.stringify(value) : safeString(value);
}

/** `aud = "https://…"`, or `no aud` when the token does not carry the claim at all (RFC 7519 §4: every claim is optional). */
export function claimText(name: string, value: unknown): string {
  return value === undefined ? `no ${name}` : `${name} = ${claimValueText(value)}`;
}
