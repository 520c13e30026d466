import { isRelayFailure } from '../model/relayed-outcome.ts';
import type { RelayReport } from '../model/relay-report.ts';

/** What the relay adds to "the browser blocked this request": the cause, or that it is not CORS. */
export function blockedExplanation(report: RelayReport): string {
  const { response, verdicts } = report;
  if (isRelayFailure(response)) {
    return `The relay could not reach the server either (${response.error}), so this is not CORS: the server cannot be reached from this machine.`;
  }
  if (verdicts.length) {
    return `The relay re-sent it: the server answered HTTP ${response.status}, and a browser refuses it because of ${verdicts.map((verdict) => verdict.ruleId).join(', ')}.`;
  }
  return (
    `The relay re-sent it and got HTTP ${response.status} with CORS headers a browser accepts, so the block has another cause: ` +
    'mixed content (an http:// server from an https:// page), a certificate the browser does not trust, the app’s Content-Security-Policy, or an extension.'
  );
}
