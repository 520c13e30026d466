import { describe, expect, it } from 'vitest';
import type { Finding } from '../engine/model/finding.ts';
import type { ProviderExplanation } from '../engine/providers/view.ts';
import { explainedAbove } from './provider-repeats.ts';

const finding = (id: string, ruleId: string): Finding => ({ id, ruleId, severity: 'error', stepId: 'prm', detail: id });
const gateway: ProviderExplanation = { provider: 'Gateway', deviation: 'gateway.challenge', cause: 'c', fix: 'f', docs: 'https://example.com/' };
const other: ProviderExplanation = { ...gateway, deviation: 'gateway.other' };

describe('a provider explanation shown once', () => {
  it('names the first finding’s rule on every later finding the same deviation explains, and leaves others alone', () => {
    const findings = [finding('a', 'cors.no-allow-origin'), finding('b', 'http.blocked'), finding('c', 'prm.behind-auth'), finding('d', 'as.x')];
    const repeats = explainedAbove(findings, { a: gateway, b: other, c: gateway });
    expect([...repeats]).toEqual([['c', 'cors.no-allow-origin']]);
  });
});
