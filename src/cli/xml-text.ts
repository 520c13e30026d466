/**
 * Text from a server, made safe for an XML 1.0 document. XML 1.0 §2.2 allows only tab, LF, CR and
 * U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF: no NUL or other C0 control, no lone surrogate,
 * no U+FFFE/U+FFFF, not even as a character reference, so those cannot be escaped and must go. A
 * control character becomes the text \xNN (as the terminal output shows it), anything else not
 * allowed becomes U+FFFD. Markup characters are escaped, so `]]>` or `</failure>` stays text.
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function xmlChars(text: string): string {
  return text.replace(NOT_XML_CHAR, (char) => {
    const code = char.codePointAt(0)!;
    return code < 0x20 ? `\\x${code.toString(16).padStart(2, '0')}` : '\ufffd';
  });
}

/** Element content. CR is a reference, or a parser would turn it into LF. */
export function xmlText(text: string): string {
  return xmlChars(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** A double-quoted attribute value. Tab, LF and CR are references, or a parser would turn them into spaces (XML 1.0 §3.3.3). */
export function xmlAttribute(text: string): string {
  return xmlText(text).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}
