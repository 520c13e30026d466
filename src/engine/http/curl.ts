import { wellFormed } from '../text/safe-string.ts';
import type { RecordedRequest } from '../model/exchange.ts';

/** Headers the browser sets itself; a copied command is clearer without them. */
const SKIP = new Set(['content-length', 'host']);

/** Shown in place of a NUL byte where a shell argument cannot carry one (arguments are C strings). */
export const NUL_MARK = '␀';

const NOTE_NUL = `# NUL bytes in the URL or headers cannot be passed as arguments; they are shown as ${NUL_MARK}.`;
const NOTE_SURROGATE = '# Lone UTF-16 surrogates are written as U+FFFD, which is what a browser sends for them.';

/**
 * A shell command that repeats the request, safe to paste whatever the recorded values hold:
 * - `--` ends curl's options, so a URL starting with "-" stays a URL;
 * - values are single-quoted, so nothing expands; a value with control characters is written with
 *   bash/zsh ANSI-C quoting ($'…') and escapes, so no raw ESC or CR reaches the terminal;
 * - a body with NUL bytes is piped in through printf, the only way to pass them;
 * - what a shell cannot carry is replaced visibly and said so in a comment above the command.
 */
export function toCurl(request: RecordedRequest): string {
  const notes = new Set<string>();
  const arg = (value: string): string => {
    const text = wellFormed(value);
    if (text !== value) notes.add(NOTE_SURROGATE);
    if (text.includes('\0')) notes.add(NOTE_NUL);
    return quote(text.replaceAll('\0', NUL_MARK));
  };

  const parts = ['curl', '-i'];
  if (request.method !== 'GET') parts.push('-X', arg(request.method));
  for (const [name, value] of request.headers) {
    if (!SKIP.has(name.toLowerCase())) parts.push('-H', arg(`${name}: ${value}`));
  }
  let stdin: string | undefined;
  if (request.body !== undefined) {
    const body = wellFormed(request.body);
    if (body !== request.body) notes.add(NOTE_SURROGATE);
    if (body.includes('\0')) {
      stdin = `printf ${printfFormat(body)} |`;
      parts.push('--data-binary', '@-');
    } else {
      parts.push('--data-raw', quote(body));
    }
  }
  parts.push('--', arg(request.url));
  const command = parts.join(' \\\n  ');
  return [...notes, stdin ? `${stdin}\n${command}` : command].join('\n');
}

/* eslint-disable no-control-regex -- finding control characters is the point. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const ANSI_C_SPECIAL = /[\\'\u0000-\u001f\u007f-\u009f]/g;
const PRINTF_SPECIAL = /[\\%'\u0000-\u001f\u007f-\u009f]/g;
/* eslint-enable no-control-regex */

const NAMED_ESCAPES: Record<string, string> = { '\\': '\\\\', "'": "\\'", '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** One shell word holding exactly `value` (which has no NUL). */
function quote(value: string): string {
  if (!CONTROL.test(value)) return `'${value.replaceAll("'", `'\\''`)}'`;
  return `$'${value.replace(ANSI_C_SPECIAL, (c) => {
    const code = c.charCodeAt(0);
    return NAMED_ESCAPES[c] ?? (code < 0x80 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
  })}'`;
}

/** A single-quoted printf format (POSIX printf: `\ooo` octal escapes, `%%`) that prints exactly `value`. */
function printfFormat(value: string): string {
  return `'${value.replace(PRINTF_SPECIAL, (c) => {
    const code = c.charCodeAt(0);
    if (c === '\\') return '\\\\';
    if (c === '%') return '%%';
    if (c === "'") return `'\\''`;
    // C1 controls as their UTF-8 bytes, C2 80–9F, so none reaches the terminal raw.
    return code < 0x80 ? `\\${code.toString(8).padStart(3, '0')}` : `\\302\\${code.toString(8)}`;
  })}'`;
}
