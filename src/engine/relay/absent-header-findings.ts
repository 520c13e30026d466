import type { Exchange } from '../model/exchange.ts';
import type { RuleId } from '../rules/catalog.ts';
import type { SpecProfile } from '../spec/profile.ts';
import { neededHeader } from './relay-report.ts';
import type { RelayReport } from '../model/relay-report.ts';

/**
 * When the relay shows that a header the browser "hid" was never sent, the problem is not CORS:
 * a 401 without a challenge is a missing challenge. (The challenge step makes the same call when
 * it can ask the relay during the run; this covers asking afterwards.)
 */
export function absentHeaderFindings(
  exchange: Exchange,
  report: RelayReport,
  profile: Pick<SpecProfile, 'challenge'>,
): Array<{ ruleId: RuleId; detail: string }> {
  const challenge = neededHeader(report, 'WWW-Authenticate');
  if (exchange.response?.status !== 401 || !exchange.hiddenHeaders?.includes('WWW-Authenticate') || !challenge || challenge.sent) return [];
  // A version that never reads the challenge (2025-03-26) has nothing to say about a missing one.
  if (profile.challenge.resourceMetadata === 'not-used') return [];
  return [
    {
      ruleId: profile.challenge.resourceMetadata === 'required' ? 'challenge.missing' : 'challenge.missing-soft',
      detail: 'The 401 has no WWW-Authenticate header: the relay confirms the server sends none, so it is missing, not hidden by CORS.',
    },
  ];
}
