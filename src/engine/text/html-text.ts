/**
 * The words a person would read on an HTML page (an error page, a gateway's sign-in page), as
 * plain text: tags, comments, scripts and styles dropped, a few entities decoded, whitespace
 * collapsed. It is for showing what a server said; the result is still server text and is
 * rendered as text, never as HTML.
 *
 * One left-to-right pass with indexOf and a forward search for a closing tag, each starting where
 * the last stopped, so the work is linear in the input (a regex such as /<[^>]*>/g would rescan an
 * unterminated "<" from every position). It stops once it has `atMost` characters of text.
 */
export function htmlText(html: string, atMost: number): string {
  // Room for entities and whitespace that shrink once decoded and collapsed.
  const budget = atMost * 2;
  let text = '';
  let at = 0;
  while (at < html.length && text.length < budget) {
    const open = html.indexOf('<', at);
    if (open === -1) {
      text += html.slice(at, at + budget - text.length);
      break;
    }
    text += html.slice(at, Math.min(open, at + budget - text.length));
    if (html.startsWith('<!--', open)) {
      const end = html.indexOf('-->', open + 4);
      at = end === -1 ? html.length : end + 3;
      continue;
    }
    const close = html.indexOf('>', open + 1);
    // An unterminated tag ends the readable text.
    if (close === -1) break;
    at = close + 1;
    const name = tagName(html, open + 1);
    if (name === 'script' || name === 'style') at = afterClosingTag(html, name, at);
    // Tags separate words: "<h1>Sign in</h1><p>to Corp" reads "Sign in to Corp".
    text += ' ';
  }
  return collapseWhitespace(decodeEntities(text));
}

/** Whitespace runs (and control characters) as one space, trimmed. */
export function collapseWhitespace(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this removes.
  return text.replace(/[\s\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
}

/** The lower-case name of the tag whose "<" is just before `from` ("" for "</…", "<!…"). */
function tagName(html: string, from: number): string {
  let end = from;
  while (end < html.length && end - from < 16 && /[a-zA-Z0-9]/.test(html[end]!)) end++;
  return html.slice(from, end).toLowerCase();
}

/** Where the text after `</name …>` starts; the end of the input when it never closes. */
function afterClosingTag(html: string, name: 'script' | 'style', from: number): number {
  const closing = name === 'script' ? /<\/script/gi : /<\/style/gi;
  closing.lastIndex = from;
  const found = closing.exec(html);
  if (!found) return html.length;
  const end = html.indexOf('>', found.index);
  return end === -1 ? html.length : end + 1;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#[0-9]{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,6});/g, (entity, body: string) => {
    if (!body.startsWith('#')) return NAMED[body.toLowerCase()] ?? entity;
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    // A surrogate is no character on its own: HTML's tokenizer reads it as U+FFFD (HTML §13.2.5.80).
    if (code >= 0xd800 && code <= 0xdfff) return '\ufffd';
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}
