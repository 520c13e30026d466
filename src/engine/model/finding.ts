/** error: a MUST is broken. warning: a SHOULD is. info: worth knowing, nothing is broken. */
export type Severity = 'error' | 'warning' | 'info';

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
