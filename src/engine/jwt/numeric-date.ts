/** The largest time a JavaScript Date can hold: ±8.64e15 ms, i.e. ±8.64e12 s (ECMA-262 §21.4.1.22). */
const MAX_DATE_SECONDS = 8.64e12;

/**
 * A JWT NumericDate (RFC 7519 §2: seconds since the epoch, maybe fractional) as an ISO time, or
 * undefined when it is not a finite number a Date can hold. `new Date(exp * 1000).toISOString()`
 * throws "Invalid time value" for those, and a token can carry any number.
 */
export function numericDateIso(seconds: unknown): string | undefined {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || Math.abs(seconds) > MAX_DATE_SECONDS) return undefined;
  return new Date(seconds * 1000).toISOString();
}

/** How an `exp` claim reads: its time and how far away it is, or the raw number marked out of range. */
export function describeExpiry(exp: number, nowMs: number): string {
  const iso = numericDateIso(exp);
  if (iso === undefined) return `${exp} (out of range: not a date)`;
  const seconds = Math.round(exp - nowMs / 1000);
  return `${iso} ${seconds < 0 ? '(expired)' : `(in ${seconds} s)`}`;
}
