/** A readable rendering of a body: indented JSON, one form field per line, or the text as is. */
export function prettyBody(body: string, contentType: string | null): { text: string; format: 'json' | 'form' | 'text' } {
  const trimmed = body.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return { text: JSON.stringify(JSON.parse(trimmed), null, 2), format: 'json' };
    } catch {
      // Not JSON after all: fall through to the raw text.
    }
  }
  if (contentType?.includes('application/x-www-form-urlencoded') || looksLikeForm(trimmed)) {
    const lines = [...new URLSearchParams(trimmed)].map(([key, value]) => `${key} = ${value}`);
    return { text: lines.join('\n'), format: 'form' };
  }
  return { text: body, format: 'text' };
}

/**
 * `name=value(&name=value)*` without whitespace. The old pattern, `^[\w.-]+=[^\s]*(&[\w.-]+=[^\s]*)*$`,
 * matched exactly this (its first `[^\s]*` can take every later `&…`), but backtracked
 * exponentially: a 97-byte body took 97 s. This one reads each character once.
 */
export function looksLikeForm(text: string): boolean {
  return /^[\w.-]+=\S*$/.test(text);
}
