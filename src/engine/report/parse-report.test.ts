import { describe, expect, it } from 'vitest';
import { parseReport } from './parse-report.ts';
import { REPORT_FORMAT } from './report-format.ts';

const minimal = () => ({
  format: REPORT_FORMAT,
  server: 'https://mcp.example.com/mcp',
  specVersion: '2025-11-25',
  status: 'failed',
  steps: [{ id: 'prm', kind: 'prm', title: 'Protected resource metadata', status: 'failed', notes: [], exchangeIds: ['x1'] }],
  exchanges: [
    {
      id: 'x1',
      stepId: 'prm',
      outcome: 'response',
      request: { method: 'GET', url: 'https://mcp.example.com/.well-known/x', headers: [] },
      response: { status: 404 },
    },
  ],
  findings: [{ id: 'f1', ruleId: 'prm.not-found', severity: 'error', stepId: 'prm', detail: '404' }],
});

describe('parseReport', () => {
  it('accepts a report and keeps fields it does not know', () => {
    const value = { ...minimal(), futureField: 1 };
    expect(parseReport(value)).toEqual(value);
  });

  it.each([
    ['not an object', [], 'A report is a JSON object.'],
    ['another format', { ...minimal(), format: 'mcp-auth-flow/report@9' }, 'Unsupported report format "mcp-auth-flow/report@9"'],
    ['a session, not a report', { ...minimal(), format: undefined }, 'Not an MCP Auth Flow report'],
    ['no server', { ...minimal(), server: 3 }, 'The report has no "server".'],
    ['no steps', { ...minimal(), steps: null }, 'The report has no "steps" list.'],
    [
      'a step without title',
      { ...minimal(), steps: [{ id: 'a', kind: 'prm', status: 'ok', notes: [], exchangeIds: [] }] },
      'steps[0] is malformed: no "title"',
    ],
    ['an exchange without request', { ...minimal(), exchanges: [{ id: 'x1', stepId: 'prm', outcome: 'response' }] }, 'exchanges[0] is malformed: its request'],
    ['a finding that is a string', { ...minimal(), findings: ['oops'] }, 'findings[0] is malformed: it is not an object'],
  ])('explains %s', (_, value, message) => {
    const result = parseReport(value);
    expect(result).toHaveProperty('error');
    expect((result as { error: string }).error).toContain(message);
  });

  it('never throws, whatever it gets', () => {
    for (const value of [
      undefined,
      null,
      42,
      '{',
      '"text"',
      Symbol('s'),
      () => 1,
      {
        format: REPORT_FORMAT,
        get server(): string {
          throw new Error('boom');
        },
      },
    ]) {
      expect(() => parseReport(value)).not.toThrow();
      expect(parseReport(value)).toHaveProperty('error');
    }
  });
});
