import { describe, expect, it } from 'vitest';
import { createSession } from '../../engine/flow/create-session.ts';
import type { Finding } from '../../engine/model/finding.ts';
import type { FlowSession } from '../../engine/model/session.ts';
import type { StepStatus } from '../../engine/model/step.ts';
import { orderFindings } from './order-findings.ts';

function session(findings: Finding[], failed: Record<string, StepStatus>, status: FlowSession['status'] = 'failed'): FlowSession {
  const base = createSession({
    serverUrl: 'https://mcp.example.com/mcp',
    specVersion: '2026-07-28',
    timeoutMs: 1000,
    redirectUri: 'http://localhost:5173/callback.html',
    clientName: 'test',
    registration: { mode: 'auto' },
  });
  return { ...base, status, findings, steps: base.steps.map((step) => (failed[step.id] ? { ...step, status: failed[step.id]! } : step)) };
}
const finding = (id: string, stepId: string, severity: Finding['severity']): Finding => ({ id, ruleId: 'http.blocked', severity, stepId, detail: id });

describe('the findings list', () => {
  it('after Continue anyway, puts the errors of the step the run stopped at before those of the step gone past', () => {
    const findings = [finding('pkce', 'as-discovery', 'error'), finding('note', 'prm', 'warning'), finding('aadsts', 'callback', 'error')];
    const ordered = orderFindings(session(findings, { 'as-discovery': 'failed', callback: 'failed' }));
    expect(ordered.map((f) => f.id)).toEqual(['aadsts', 'pkce', 'note']);
  });

  it('keeps severity first and the run’s order otherwise', () => {
    const findings = [finding('w1', 'challenge', 'warning'), finding('e1', 'prm', 'error'), finding('e2', 'token', 'error'), finding('i1', 'prm', 'info')];
    expect(orderFindings(session(findings, {}, 'done')).map((f) => f.id)).toEqual(['e1', 'e2', 'w1', 'i1']);
  });
});
