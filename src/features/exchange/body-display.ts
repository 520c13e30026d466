import { prettyBody } from './format-body.ts';

/** Characters a body view shows at first, and adds per "Show more": enough for any real JSON-RPC or OAuth body. */
export const BODY_DISPLAY_STEP = 64 * 1024;

/**
 * Indenting repeats the indent on every line, so its output grows with size times nesting depth:
 * 8 KB of `[` nested 4,000 deep becomes 32 million characters. Within these two limits the output
 * stays under about ten million characters (a tenth of a second); past them the body shows as recorded.
 */
export const PRETTY_MAX_CHARS = 256 * 1024;
export const PRETTY_MAX_DEPTH = 32;

/** The text a body view lays out, pretty or raw, and why it is raw when pretty was asked for. */
export function bodyDisplay(body: string, contentType: string | null, view: 'pretty' | 'raw'): { text: string; rawNote: string | null } {
  if (view === 'raw') return { text: body, rawNote: null };
  if (body.length > PRETTY_MAX_CHARS)
    return { text: body, rawNote: `Shown as recorded: bodies over ${PRETTY_MAX_CHARS / 1024} K characters are not reformatted.` };
  if (nestingDepth(body) > PRETTY_MAX_DEPTH)
    return { text: body, rawNote: `Shown as recorded: nested more than ${PRETTY_MAX_DEPTH} levels deep, too deep to indent.` };
  return { text: prettyBody(body, contentType).text, rawNote: null };
}

/** The part of `text` to lay out, and the note that says it was cut (as the user sees it). */
export function displayedPart(text: string, shownChars: number): { shown: string; cutNote: string | null } {
  if (text.length <= shownChars) return { shown: text, cutNote: null };
  const count = (chars: number) => chars.toLocaleString('en-US');
  return { shown: text.slice(0, shownChars), cutNote: `Body shown cut for display: showing ${count(shownChars)} of ${count(text.length)} characters.` };
}

/** The deepest `[`/`{` nesting outside JSON strings, in one pass; stops counting past the limit. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '[' || char === '{') {
      depth += 1;
      if (depth > deepest) deepest = depth;
      if (deepest > PRETTY_MAX_DEPTH) return deepest;
    } else if (char === ']' || char === '}') depth -= 1;
  }
  return deepest;
}
