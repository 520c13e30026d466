import type { Exchange } from '../http/exchange.ts';
import type { RuleId } from '../rules/catalog.ts';
import { isAtLeast, type SpecVersion } from '../spec/versions.ts';
import { neededHeader, type RelayReport } from './relay-report.ts';

/**
 * When the relay shows that a header the browser "hid" was never sent, the problem is not CORS:
 * a 401 without a challenge is a missing challenge. (The challenge step makes the same call when
 * it can ask the relay during the run; this covers asking afterwards.)
 */
export function absentHeaderFindings(exchange: Exchange, report: RelayReport, version: SpecVersion): Array<{ ruleId: RuleId; detail: string }> {
  const challenge = neededHeader(report, 'WWW-Authenticate');
  if (exchange.response?.status !== 401 || !exchange.hiddenHeaders?.includes('WWW-Authenticate') || !challenge || challenge.sent) return [];
  return [
    {
      ruleId: isAtLeast(version, '2025-11-25') ? 'challenge.missing-soft' : 'challenge.missing',
      detail: 'The 401 has no WWW-Authenticate header: the relay confirms the server sends none, so it is missing, not hidden by CORS.',
    },
  ];
}
