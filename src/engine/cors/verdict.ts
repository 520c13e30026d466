import type { CorsVerdict } from '../model/cors-verdict.ts';
import type { RuleId } from '../rules/catalog.ts';

/** A verdict before it is worded: where it was seen ("The preflight (OPTIONS /mcp → 204)") and what was seen there. */
export interface Observation {
  ruleId: RuleId;
  on: 'preflight' | 'response';
  where: string;
  says: string;
  headerLine?: string;
}

/** "POST /mcp" for a detail sentence. */
export function requestLabel(method: string, url: string): string {
  const parsed = URL.parse(url);
  return `${method} ${parsed ? parsed.pathname + parsed.search : url}`;
}

/**
 * One verdict per rule and fix: the same problem on the preflight and on the response reads
 * "The preflight (…) and the response (…): no Access-Control-Allow-Origin."
 */
export function toVerdicts(observations: readonly Observation[]): CorsVerdict[] {
  const groups = new Map<string, Observation[]>();
  for (const observation of observations) {
    const key = `${observation.ruleId}\n${observation.headerLine ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), observation]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0]!;
    const sameWords = group.every((observation) => observation.says === first.says);
    const detail = sameWords
      ? `${group.map((observation, index) => (index ? lowerFirst(observation.where) : observation.where)).join(' and ')}: ${first.says}`
      : group.map((observation) => `${observation.where}: ${observation.says}`).join(' ');
    return {
      ruleId: first.ruleId,
      on: group.every((observation) => observation.on === first.on) ? first.on : 'both',
      detail,
      ...(first.headerLine ? { headerLine: first.headerLine } : {}),
    };
  });
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
