import { PARSE_LIMIT_BYTES, PARSE_LIMIT_TEXT } from '../http/read-body.ts';

/** Bytes in the reader's words: 16,777,216 bytes (16 MiB). */
function bytesText(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  const rounded = Number.isInteger(mib) ? String(mib) : mib.toFixed(1);
  return `${bytes.toLocaleString('en-US')} bytes (${bytes === PARSE_LIMIT_BYTES ? PARSE_LIMIT_TEXT : `${rounded} MiB`})`;
}

/** Why a body cut while it was read cannot be checked: its size (as far as it arrived) and the limit that cut it. */
export function tooLargeDetail(receivedBytes: number, limitBytes: number): string {
  const who = limitBytes === PARSE_LIMIT_BYTES ? 'the parse limit' : "the relay's limit";
  return `the body is at least ${receivedBytes.toLocaleString('en-US')} bytes and ${who} is ${bytesText(limitBytes)}, so the document was not checked.`;
}
