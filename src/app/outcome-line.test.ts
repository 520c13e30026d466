import { describe, expect, it } from 'vitest';
import type { Finding, Severity } from '../engine/model/finding.ts';
import type { FlowSession } from '../engine/model/session.ts';
import type { Step } from '../engine/model/step.ts';
import { outcomeLine } from './outcome-line.ts';

const finding = (severity: Severity, n: number): Finding => ({ id: `f${n}`, ruleId: 'cors.challenge-not-exposed', severity, stepId: 'challenge', detail: '' });
const step = (kind: Step['kind'], status: Step['status']): Step => ({ id: kind, kind, status, exchangeIds: [], notes: [] });

const session = (status: FlowSession['status'], steps: Step[], findings: Finding[]): FlowSession => ({
  format: 'mcp-auth-flow/session@1',
  settings: {} as FlowSession['settings'],
  status,
  steps,
  exchanges: [],
  findings,
  learned: {},
});

describe('outcomeLine', () => {
  it('never reads as a clean success while errors stand', () => {
    const line = outcomeLine(
      session('done', [step('mcp-authenticated', 'ok')], [finding('error', 1), finding('error', 2), finding('warning', 3), finding('info', 4)]),
    );
    expect(line).toMatchObject({ text: 'Flow complete with 2 errors and 1 warning', tone: 'error' });
  });

  it('says "no problems" in green only without errors or warnings', () => {
    expect(outcomeLine(session('done', [], [finding('info', 1)]))).toMatchObject({ text: 'Flow complete, no problems', tone: 'success' });
    expect(outcomeLine(session('done', [], [finding('warning', 1)]))).toMatchObject({ text: 'Flow complete with 1 warning', tone: 'warning' });
  });

  it('names the step where a failed flow stopped, by number and title', () => {
    const steps = [step('mcp-unauthenticated', 'ok'), step('challenge', 'ok'), step('prm', 'blocked'), step('as-discovery', 'pending')];
    const line = outcomeLine(session('failed', steps, [finding('error', 1)]));
    expect(line.text).toMatch(/^Stopped at step 3: .+ \(1 error\)$/);
    expect(line.tone).toBe('error');
  });

  it('after Continue anyway past a failed step, names the step the run stopped at, not the one it went past', () => {
    const steps = [
      step('mcp-unauthenticated', 'ok'),
      step('challenge', 'ok'),
      step('prm', 'ok'),
      step('as-discovery', 'failed'),
      step('registration', 'ok'),
      step('authorize', 'ok'),
      step('callback', 'failed'),
      step('token', 'pending'),
    ];
    expect(outcomeLine(session('failed', steps, [finding('error', 1), finding('error', 2)])).text).toMatch(/^Stopped at step 7: .+ \(2 errors\)$/);
  });

  it('between two Next steps says where it paused and what runs next, never "Running…"', () => {
    const steps = [step('mcp-unauthenticated', 'ok'), step('challenge', 'warning'), step('prm', 'pending'), step('as-discovery', 'pending')];
    const line = outcomeLine(session('running', steps, [finding('warning', 1)]));
    expect(line.text).toMatch(/^Paused after step 2: .+\. Next step runs step 3: .+\. \(1 warning so far\)$/);
    expect(line.text).not.toContain('Running');
    const running = outcomeLine(session('running', [step('mcp-unauthenticated', 'running'), step('challenge', 'pending')], []));
    expect(running.text).toBe('Running…');
  });
});
