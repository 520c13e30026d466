/**
 * Formats a Bearer challenge (RFC 6750 §3) with the parameters in the given order.
 * Values are our own fixed strings, never request data, so they need no escaping.
 */
export function bearerChallenge(parameters: ReadonlyArray<readonly [name: string, value: string | undefined]>): string {
  const present = parameters.filter((parameter): parameter is readonly [string, string] => parameter[1] !== undefined);
  return `Bearer ${present.map(([name, value]) => `${name}="${value}"`).join(', ')}`;
}
