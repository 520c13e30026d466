import { describe, expect, it } from 'vitest';
import { isLoopbackHost } from './loopback-host.ts';
import { judgeUrl, openableHref } from './openable-url.ts';

describe('judgeUrl: the gate for every URL the tool opens', () => {
  it('allows https anywhere and http on loopback hosts only', () => {
    for (const url of ['https://auth.example.com/authorize?x=1', 'http://localhost:3000/a', 'http://127.0.0.1/a', 'http://127.1/a', 'http://[::1]:8080/a']) {
      expect(judgeUrl(url).kind, url).toBe('allowed');
    }
  });

  it('calls plain http on any other host insecure, with the host named', () => {
    expect(judgeUrl('http://example.invalid/authorize')).toMatchObject({
      kind: 'insecure',
      reason: 'it is plain http on example.invalid, which is not a loopback host',
    });
    expect(judgeUrl('http://localhost.example.com/a').kind).toBe('insecure');
    expect(judgeUrl('http://10.0.0.1/a').kind).toBe('insecure');
  });

  it('refuses every other scheme, however it is spelled, and anything unparsable', () => {
    const refused = [
      'javascript:window.__pwned=1',
      ' JavaScript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'vbscript:msgbox(1)',
      'blob:https://app.example.com/0f0e',
      'ms-settings:',
      'myapp://callback',
      '//auth.example.com/authorize',
      '/authorize',
      '',
    ];
    for (const url of refused) expect(judgeUrl(url).kind, url).toBe('refused');
    expect(judgeUrl('javascript:x')).toEqual({ kind: 'refused', reason: 'the scheme "javascript:" is never opened, only https (and http on a loopback host)' });
    expect(judgeUrl('/authorize')).toEqual({ kind: 'refused', reason: 'it is not an absolute URL' });
  });
});

describe('openableHref', () => {
  it('gives the parsed href to open, so what is opened is what was judged', () => {
    expect(openableHref(' https://AUTH.example.com/a b')).toEqual({ href: 'https://auth.example.com/a%20b' });
  });

  it('opens insecure http only when the user accepted it, and a refused scheme never', () => {
    expect(openableHref('http://example.invalid/a')).toEqual({
      refused: '"http://example.invalid/a" was not opened: it is plain http on example.invalid, which is not a loopback host.',
    });
    expect(openableHref('http://example.invalid/a', { insecureHttpAccepted: true })).toEqual({ href: 'http://example.invalid/a' });
    expect(openableHref('javascript:alert(1)', { insecureHttpAccepted: true })).toHaveProperty('refused');
  });
});

describe('isLoopbackHost', () => {
  it('knows localhost, 127.0.0.0/8 and [::1]', () => {
    expect(['localhost', '127.0.0.1', '127.255.0.3', '[::1]'].map(isLoopbackHost)).toEqual([true, true, true, true]);
    expect(['example.com', '128.0.0.1', '[::2]', '10.0.0.1', 'localhost.example.com'].map(isLoopbackHost)).toEqual([false, false, false, false, false]);
  });
});
