import { isRefusal, refusalDetail } from '../http/refusal.ts';
import { isRelayFailure } from '../model/relayed-outcome.ts';
import type { RelayReport } from '../model/relay-report.ts';

/** What the relay adds to "the browser blocked this request": the cause, or that it is not CORS. */
export function blockedExplanation(report: RelayReport): string {
  const { response, verdicts } = report;
  if (isRelayFailure(response)) {
    return `The relay could not reach the server either (${response.error}), so this is not CORS: the server cannot be reached from this machine.`;
  }
  // A 401's or 403's challenge and page say who refused and why: a gateway's realm, a required scope, a challenge the browser hid.
  const answered = isRefusal(response.status)
    ? `HTTP ${response.status} (${refusalDetail({ headers: response.headers }, report.refusalBody)})`
    : `HTTP ${response.status}`;
  if (verdicts.length) {
    return `The relay re-sent it: the server answered ${answered}, and a browser refuses it because of ${verdicts.map((verdict) => verdict.ruleId).join(', ')}.`;
  }
  return (
    `The relay re-sent it and got ${answered} with CORS headers a browser accepts, so the block has another cause: ` +
    'mixed content (an http:// server from an https:// page), a certificate the browser does not trust, the app’s Content-Security-Policy, or an extension.'
  );
}
