/**
 * Text from servers and imported files is untrusted: a value may be an object whose `toString`
 * is not a function (`{"toString": 1}` parses from JSON), an object without a prototype, a
 * nesting too deep for JSON.stringify, or a string with lone UTF-16 surrogates. These helpers
 * turn any of them into text and never throw.
 */

/** Any value as readable text: strings as they are, other primitives as String() gives them, objects as JSON. */
export function safeString(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'boolean':
    case 'bigint':
    case 'undefined':
      return String(value);
    case 'symbol':
      return value.description ?? 'Symbol()';
    case 'function':
      return '[function]';
    default:
      return value === null ? 'null' : objectText(value as object);
  }
}

function objectText(value: object): string {
  try {
    // JSON shows what a server sent; a toJSON that is not a function is ignored by JSON.stringify.
    const json = JSON.stringify(value);
    if (typeof json === 'string') return json;
  } catch {
    // Too deep, a BigInt inside, or a throwing getter: fall back to the type's name.
  }
  try {
    return Object.prototype.toString.call(value);
  } catch {
    return '[object]';
  }
}

/**
 * The string with every lone surrogate replaced by U+FFFD, as TextEncoder, fetch and URL do when
 * they send it, so encodeURIComponent and friends cannot throw "URI malformed" on it.
 * (String.prototype.toWellFormed does the same from ES2024; this runs on the ES2023 library.)
 */
export function wellFormed(text: string): string {
  let result = '';
  let copiedUpTo = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0xd800 || code > 0xdfff) continue;
    const next = text.charCodeAt(i + 1);
    if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      i++; // a proper pair
      continue;
    }
    result += `${text.slice(copiedUpTo, i)}\ufffd`;
    copiedUpTo = i + 1;
  }
  return copiedUpTo === 0 ? text : result + text.slice(copiedUpTo);
}

/** encodeURIComponent that never throws: a lone surrogate is encoded as U+FFFD, like the browser sends it. */
export function encodeUriComponentSafely(text: string): string {
  return encodeURIComponent(wellFormed(text));
}
