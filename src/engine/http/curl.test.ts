import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { NUL_MARK, toCurl } from './curl.ts';
import type { RecordedRequest } from '../model/exchange.ts';

/**
 * Runs the command in bash with `curl` replaced by a function that prints each argument and
 * stdin as hex: what curl would really have received.
 */
function argumentsCurlGets(command: string): { args: string[]; stdin: string } {
  const script = `curl() { for a in "$@"; do printf '%s' "$a" | od -An -tx1 | tr -d ' \\n'; echo; done; echo STDIN; if [ "$*" != "\${*%@-*}" ]; then od -An -tx1 | tr -d ' \\n'; fi; echo; }\n${command}\n`;
  const out = execFileSync('bash', ['-c', script], { encoding: 'utf8' }).split('\n');
  const split = out.indexOf('STDIN');
  const text = (hex: string) => Buffer.from(hex, 'hex').toString('utf8');
  return { args: out.slice(0, split).map(text), stdin: text(out[split + 1] ?? '') };
}

const request = (overrides: Partial<RecordedRequest>): RecordedRequest => ({ method: 'POST', url: 'https://mcp.example.com/mcp', headers: [], ...overrides });

describe('toCurl', () => {
  it('ends the options with -- so a URL starting with "-" is not read as an option', () => {
    const { args } = argumentsCurlGets(toCurl(request({ method: 'GET', url: '-o/tmp/pwned' })));
    expect(args).toEqual(['-i', '--', '-o/tmp/pwned']);
  });

  it('passes quotes, $(…), backslashes, control characters and non-ASCII through unchanged', () => {
    const hostile = `it's $(touch /tmp/x) \`id\` \\n \\ "q" \u001b[2J\r\n\t\u0085 é 😀 %s %%`;
    const command = toCurl(request({ headers: [['X-Test', hostile]], body: hostile }));
    // eslint-disable-next-line no-control-regex -- no raw ESC, CR or NEL may reach the shell
    expect(command).not.toMatch(/[\u001b\r\u0085]/);
    expect(argumentsCurlGets(command).args).toEqual([
      '-i',
      '-X',
      'POST',
      '-H',
      `X-Test: ${hostile}`,
      '--data-raw',
      hostile,
      '--',
      'https://mcp.example.com/mcp',
    ]);
  });

  it('pipes a body with NUL bytes in through printf, byte for byte', () => {
    const body = `a\0b\\0 %d '\u0001\u0085é\0`;
    const { args, stdin } = argumentsCurlGets(toCurl(request({ body })));
    expect(args).toEqual(['-i', '-X', 'POST', '--data-binary', '@-', '--', 'https://mcp.example.com/mcp']);
    expect(stdin).toBe(body);
  });

  it('marks what no shell argument can carry, and says so', () => {
    const command = toCurl(request({ url: 'https://mcp.example.com/m\0cp\ud800', headers: [['X-A', 'b\0']], body: 'x\udc00' }));
    expect(command.split('\n').filter((line) => line.startsWith('#'))).toHaveLength(2);
    const { args } = argumentsCurlGets(command);
    expect(args).toEqual(['-i', '-X', 'POST', '-H', `X-A: b${NUL_MARK}`, '--data-raw', 'x\ufffd', '--', `https://mcp.example.com/m${NUL_MARK}cp\ufffd`]);
  });
});
