import { describe, expect, it } from 'vitest';
import type { Exchange } from '../model/exchange.ts';
import type { FlowSession } from '../model/session.ts';
import type { Step } from '../model/step.ts';
import { flowTiming } from './timing.ts';

const step = (id: string, kind: Step['kind'], startedAt: number, endedAt: number): Step => ({
  id,
  kind,
  status: 'ok',
  exchangeIds: [],
  notes: [],
  startedAt,
  endedAt,
});

const exchange = (id: string, stepId: string, durationMs: number): Exchange => ({
  id,
  stepId,
  from: 'client',
  to: 'mcp',
  label: 'POST /mcp',
  request: { method: 'POST', url: 'http://localhost/mcp', headers: [] },
  outcome: 'response',
  startedAt: 0,
  durationMs,
});

const session = (steps: Step[], exchanges: Exchange[]): FlowSession => ({
  format: 'mcp-auth-flow/session@1',
  settings: {} as FlowSession['settings'],
  status: 'done',
  steps,
  exchanges,
  findings: [],
  learned: {},
});

describe('flowTiming', () => {
  it('times the main flow only: a tool call a minute later adds neither app nor server time', () => {
    const main = [step('mcp-unauthenticated', 'mcp-unauthenticated', 1000, 1100), step('mcp-authenticated', 'mcp-authenticated', 1100, 1300)];
    const later = step('tool-call-1', 'tool-call', 61_000, 61_100);
    const timing = flowTiming(
      session([...main, later], [exchange('x1', 'mcp-unauthenticated', 80), exchange('x2', 'mcp-authenticated', 150), exchange('x3', 'tool-call-1', 90)]),
    );
    expect(timing).toEqual({ totalMs: 300, serverMs: 230, userMs: 0, appMs: 70 });
  });

  it('keeps a step-up the main flow queued (it runs before any tool call)', () => {
    const steps = [step('mcp-authenticated', 'mcp-authenticated', 0, 100), step('token-2', 'token', 100, 400), step('audit-1', 'audit', 5000, 5100)];
    expect(flowTiming(session(steps, []))?.totalMs).toBe(400);
  });

  it('ends the main flow at the authorization server check the Refresh button runs first, not at one a step-up queued', () => {
    const queued = { ...step('as-recheck', 'as-recheck', 100, 150), title: 'Step-up: check' };
    const pressed = { ...step('as-recheck-2', 'as-recheck', 60_000, 60_100), input: { onDemand: true } };
    const steps = [
      step('mcp-authenticated', 'mcp-authenticated', 0, 100),
      queued,
      step('token-2', 'token', 150, 400),
      pressed,
      step('refresh', 'refresh', 60_100, 60_200),
    ];
    expect(flowTiming(session(steps, []))?.totalMs).toBe(400);
  });
});
