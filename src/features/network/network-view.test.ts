import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../engine/model/exchange.ts';
import type { Finding } from '../../engine/model/finding.ts';
import type { FlowSession } from '../../engine/model/session.ts';
import { networkRows } from './network-rows.ts';
import { NO_FILTER, TIME_ORDER, rowWindow, visibleRows } from './network-view.ts';

const exchange = (id: string, url: string, status: number | undefined, to: Exchange['to'], durationMs: number): Exchange => ({
  id,
  stepId: 'prm',
  from: 'client',
  to,
  label: url,
  request: { method: 'GET', url, headers: [] },
  ...(status === undefined
    ? { outcome: 'blocked' as const }
    : {
        outcome: 'response' as const,
        response: { status, statusText: '', headers: [], body: '', bodyBytes: status, bodyTruncated: false, finalUrl: url, redirected: false },
      }),
  startedAt: 0,
  durationMs,
});

const finding = (exchangeId: string, severity: Finding['severity']): Finding => ({
  id: `f-${exchangeId}-${severity}`,
  ruleId: 'http.blocked',
  severity,
  stepId: 'prm',
  exchangeId,
  detail: '',
});

const session: FlowSession = {
  format: 'mcp-auth-flow/session@1',
  settings: {} as FlowSession['settings'],
  status: 'failed',
  steps: [{ id: 'prm', kind: 'prm', status: 'failed', exchangeIds: [], notes: [] }],
  exchanges: [
    exchange('x1', 'https://mcp.example/mcp', 401, 'mcp', 30),
    exchange('x2', 'https://auth.example/.well-known/oauth-authorization-server', 200, 'as', 10),
    exchange('x3', 'https://auth.example/token', undefined, 'as', 5),
  ],
  findings: [finding('x3', 'warning'), finding('x3', 'error')],
  learned: {},
};

describe('the network table rows', () => {
  const rows = networkRows(session);

  it('one row per exchange, with its step, status class, lane and worst finding', () => {
    expect(rows.map((row) => [row.id, row.step, row.statusClass, row.lane, row.findings, row.worst ?? null])).toEqual([
      ['x1', 1, '4xx', 'mcp', 0, null],
      ['x2', 1, '2xx', 'as', 0, null],
      ['x3', 1, 'failed', 'as', 2, 'error'],
    ]);
    expect(rows[2]?.statusText).toBe('blocked');
  });

  it('filters by text, status class, lane and "has findings", together', () => {
    expect(visibleRows(rows, { ...NO_FILTER, text: 'TOKEN' }, TIME_ORDER).map((row) => row.id)).toEqual(['x3']);
    expect(visibleRows(rows, { ...NO_FILTER, statusClass: '4xx' }, TIME_ORDER).map((row) => row.id)).toEqual(['x1']);
    expect(visibleRows(rows, { ...NO_FILTER, lane: 'as' }, TIME_ORDER).map((row) => row.id)).toEqual(['x2', 'x3']);
    expect(visibleRows(rows, { ...NO_FILTER, lane: 'as', withFindings: true }, TIME_ORDER).map((row) => row.id)).toEqual(['x3']);
  });

  it('sorts by a column either way, ties in time order', () => {
    expect(visibleRows(rows, NO_FILTER, { key: 'durationMs', descending: false }).map((row) => row.id)).toEqual(['x3', 'x2', 'x1']);
    expect(visibleRows(rows, NO_FILTER, { key: 'status', descending: true }).map((row) => row.id)).toEqual(['x1', 'x2', 'x3']);
    expect(visibleRows(rows, NO_FILTER, { key: 'step', descending: true }).map((row) => row.id)).toEqual(['x1', 'x2', 'x3']);
  });
});

describe('rowWindow', () => {
  it('renders only what is in view plus the overscan: 1,000 rows, about 40 in the DOM', () => {
    const { start, end } = rowWindow(1000, 30, 15_000, 600);
    expect(start).toBe(492);
    expect(end).toBe(529);
    expect(end - start).toBeLessThan(45);
  });

  it('clamps at both ends', () => {
    expect(rowWindow(5, 30, 0, 600)).toEqual({ start: 0, end: 5 });
    expect(rowWindow(1000, 30, 10_000_000, 600).end).toBe(1000);
  });
});
