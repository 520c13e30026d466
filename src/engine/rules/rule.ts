import type { SpecVersion } from '../spec/versions.ts';

/** error: a MUST is broken. warning: a SHOULD is. info: worth knowing, nothing is broken. */
export type Severity = 'error' | 'warning' | 'info';

export interface Rule {
  /** Stable id, `area.what`, e.g. `prm.resource-mismatch`. Never renamed once shipped. */
  id: string;
  severity: Severity;
  /** The spec versions the rule applies to. */
  versions: readonly SpecVersion[];
  /** The spec section (or RFC) the rule comes from. */
  link: string;
  /** One sentence: what is wrong. */
  problem: string;
  /** One sentence: how to fix it. */
  fix: string;
}

/** A rule raised during a run, tied to the step (and exchange) where it was seen. */
export interface Finding {
  id: string;
  ruleId: string;
  severity: Severity;
  stepId: string;
  exchangeId?: string;
  /** What exactly was seen, e.g. the two values that differ. Plain text. */
  detail: string;
}
