import type { Finding } from '../model/finding.ts';
import type { Step } from '../model/step.ts';
import { STEP_DEFINITIONS } from '../steps/registry.ts';
import { compact } from './compact.ts';
import type { Fields } from './fields.ts';
import { SEVERITIES, STEP_KINDS, STEP_STATUSES } from './session-values.ts';

/** A step as the report (and our HAR) writes it, back to the session's step. */
export function readStep(step: Fields): Step {
  const kind = step.oneOf('kind', STEP_KINDS);
  const title = step.optionalString('title');
  return compact({
    id: step.string('id'),
    kind,
    // The report spells out every title; only an instance's own title belongs on the step.
    title: title !== undefined && title !== STEP_DEFINITIONS[kind].title ? title : undefined,
    status: step.oneOf('status', STEP_STATUSES),
    exchangeIds: step.optionalStrings('exchangeIds') ?? [],
    notes: step.optionalStrings('notes') ?? [],
    summary: step.optionalString('summary'),
    startedAt: step.optionalNumber('startedAt'),
    endedAt: step.optionalNumber('endedAt'),
    offSpec: step.optionalBoolean('offSpec') || undefined,
  });
}

/** A finding without the rule text the report adds: the catalog supplies it again. */
export function readFinding(finding: Fields, index: number): Finding {
  return compact({
    id: finding.optionalString('id') ?? `f${index + 1}`,
    ruleId: finding.string('ruleId'),
    severity: finding.oneOf('severity', SEVERITIES),
    stepId: finding.string('stepId'),
    exchangeId: finding.optionalString('exchangeId'),
    detail: finding.string('detail'),
  });
}
