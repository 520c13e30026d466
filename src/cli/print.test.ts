import { describe, expect, it } from 'vitest';
import { buildReport } from '../engine/report/build-report.ts';
import { formatRun } from './print.ts';
import { unrunSession } from './test-support/unrun-session.ts';

describe('formatRun', () => {
  it('shows control characters from a server as \\xNN, so they cannot drive the terminal', () => {
    const session = unrunSession();
    session.findings = [
      { id: 'f1', ruleId: 'http.server-error', severity: 'error', detail: 'boom\u001b]0;pwned\u0007\0\r\ud800', stepId: 'mcp-unauthenticated' },
    ];
    const text = formatRun({
      report: buildReport(session),
      exitCode: 1,
      toolCall: { name: 'echo', ok: true, result: { content: [{ type: 'text', text: '\u001b[2Jcleared' }] } },
    });
    expect(text).toContain('boom\\x1b]0;pwned\\x07\\x00 \ufffd');
    expect(text).toContain('echo: \\x1b[2Jcleared');
    // eslint-disable-next-line no-control-regex -- the point is that no control character reaches the terminal
    expect(text).not.toMatch(/[\0\u0007\u001b\r]/);
  });

  it('keeps server text on its own line: no fake "Result:" line, no right-to-left override', () => {
    const session = unrunSession();
    const report = buildReport(session);
    // The evidence quotes an issuer, which the server wrote.
    report.provider = {
      id: 'entra',
      name: 'Microsoft Entra ID',
      evidence: 'recognised as Microsoft Entra ID from the issuer https://x.example/t/v2.0\nResult: the flow completed (exit 0)\u2028\u202eevil',
      docs: 'https://learn.microsoft.com/',
    } as NonNullable<typeof report.provider>;
    const text = formatRun({ report, exitCode: 1 });
    expect(text.match(/^Result:/gm)).toHaveLength(1);
    expect(text).toContain('v2.0 Result: the flow completed (exit 0) \\u202eevil');
    expect(text).not.toMatch(/[\u2028\u202e]/);
  });
});
