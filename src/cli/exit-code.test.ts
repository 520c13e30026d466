import { describe, expect, it } from 'vitest';
import type { Finding } from '../engine/model/finding.ts';
import { EXIT_FAILED, EXIT_OK, EXIT_UNREACHABLE, exitCodeFor } from './exit-code.ts';

const finding = (severity: Finding['severity']): Finding => ({ id: 'f1', ruleId: 'x.y', severity, stepId: 'prm', detail: '' });

describe('exitCodeFor', () => {
  it('is 0 for a completed flow with no error finding', () => {
    expect(exitCodeFor({ status: 'done', findings: [] })).toBe(EXIT_OK);
    expect(exitCodeFor({ status: 'done', findings: [finding('warning'), finding('info')] }, { ok: true })).toBe(EXIT_OK);
  });

  it('is non-zero when the flow did not complete', () => {
    for (const status of ['failed', 'running', 'waiting-for-user', 'idle'] as const) {
      expect(exitCodeFor({ status, findings: [] })).toBe(EXIT_FAILED);
    }
  });

  it('is non-zero for any error finding, even when the flow completed', () => {
    expect(exitCodeFor({ status: 'done', findings: [finding('warning'), finding('error')] })).toBe(EXIT_FAILED);
  });

  it('is 3 when the flow stopped and nothing ever came back from the server', () => {
    expect(exitCodeFor({ status: 'failed', findings: [finding('error')] }, undefined, { serverAnswered: false })).toBe(EXIT_UNREACHABLE);
    expect(exitCodeFor({ status: 'failed', findings: [finding('error')] }, undefined, { serverAnswered: true })).toBe(EXIT_FAILED);
  });

  it('is non-zero when the tool call failed', () => {
    expect(exitCodeFor({ status: 'done', findings: [] }, { ok: false })).toBe(EXIT_FAILED);
  });
});
