import { expect } from 'vitest';
import type { FlowSession } from '../../model/session.ts';
import { providerView } from '../explain.ts';

/** The first finding of a rule (which must be there) and what the recognised provider says about it. */
export function explained(session: FlowSession, ruleId: string) {
  const finding = session.findings.find((candidate) => candidate.ruleId === ruleId);
  expect(finding, `a ${ruleId} finding`).toBeDefined();
  return { finding: finding!, explanation: providerView(session).explanations[finding!.id] };
}
