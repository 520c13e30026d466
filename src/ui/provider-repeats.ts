import type { Finding } from '../engine/model/finding.ts';
import type { ProviderExplanation } from '../engine/providers/view.ts';

/**
 * One provider deviation often explains several findings (a gateway's 401 on the metadata URL is a blocked request,
 * a missing Allow-Origin and a metadata URL behind auth at once). Its cause and fix are shown in full on the first of
 * them in the order shown; each later one names that first finding's rule instead of repeating the paragraph.
 * Returns, by finding id, the rule id of the finding that carries the full text, for the repeats only.
 */
export function explainedAbove(findings: readonly Finding[], explanations: Readonly<Record<string, ProviderExplanation>>): Map<string, string> {
  const firstRule = new Map<string, string>();
  const repeats = new Map<string, string>();
  for (const finding of findings) {
    const deviation = explanations[finding.id]?.deviation;
    if (deviation === undefined) continue;
    const first = firstRule.get(deviation);
    if (first === undefined) firstRule.set(deviation, finding.ruleId);
    else repeats.set(finding.id, first);
  }
  return repeats;
}
