/**
 * Finds JWT-shaped strings (three base64url parts, the first two starting with "eyJ", i.e. a JSON
 * object: RFC 7519 §7.2, RFC 7515 §7.1) in any text, in one pass.
 *
 * It finds what `/\beyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\/g` finds, but a regex
 * engine rescans the same run of base64url characters from every "eyJ" inside it, which made
 * 'eyJ-'.repeat(16000) take seconds. Here a run that cannot be a first part is skipped whole:
 * any "eyJ" inside it would end at the same character, which is not a ".".
 */

const isBase64UrlChar = (code: number): boolean =>
  (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || code === 0x2d || code === 0x5f;
/** \w in a regex: a JWT starts at a word boundary. */
const isWordChar = (code: number): boolean => isBase64UrlChar(code) && code !== 0x2d;

export interface Span {
  start: number;
  end: number;
}

export function jwtSpans(text: string): Span[] {
  const spans: Span[] = [];
  const runEnd = (from: number): number => {
    let i = from;
    while (i < text.length && isBase64UrlChar(text.charCodeAt(i))) i++;
    return i;
  };
  /** Where a part starting at `from` ends, if it is "eyJ" and at least one more character. */
  const objectPartEnd = (from: number): number | undefined => {
    if (!text.startsWith('eyJ', from)) return undefined;
    const end = runEnd(from + 3);
    return end > from + 3 ? end : undefined;
  };

  let from = 0;
  while (from < text.length) {
    const start = text.indexOf('eyJ', from);
    if (start < 0) break;
    if (start > 0 && isWordChar(text.charCodeAt(start - 1))) {
      from = start + 1;
      continue;
    }
    const headerEnd = objectPartEnd(start);
    if (headerEnd === undefined || text[headerEnd] !== '.') {
      // No start inside this run can do better: each would end at the same place.
      from = Math.max(headerEnd ?? start + 3, start + 1);
      continue;
    }
    const claimsEnd = objectPartEnd(headerEnd + 1);
    if (claimsEnd === undefined || text[claimsEnd] !== '.') {
      // The second part may still be the first part of a JWT.
      from = headerEnd + 1;
      continue;
    }
    const end = runEnd(claimsEnd + 1);
    spans.push({ start, end });
    from = end;
  }
  return spans;
}

/** Replaces every JWT in the text with what `replace` returns for it. */
export function replaceJwts(text: string, replace: (jwt: string) => string): string {
  const spans = jwtSpans(text);
  if (!spans.length) return text;
  let result = '';
  let copiedUpTo = 0;
  for (const { start, end } of spans) {
    result += text.slice(copiedUpTo, start) + replace(text.slice(start, end));
    copiedUpTo = end;
  }
  return result + text.slice(copiedUpTo);
}
