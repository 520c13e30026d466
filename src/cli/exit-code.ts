import type { FlowSession } from '../engine/model/session.ts';

export const EXIT_OK = 0;
/** The flow failed, the tool call failed, or an error finding (a broken MUST) was raised. */
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
/** Nothing came back from the server at all: connection refused, DNS or TLS failure, a timeout on the first request. */
export const EXIT_UNREACHABLE = 3;

export interface ToolCallOutcome {
  name: string;
  ok: boolean;
  result?: unknown;
  error?: string;
}

/**
 * Non-zero when the flow did not finish, a tool call failed, or any error-severity finding was
 * raised; 3 instead of 1 when the flow stopped without a single answer from the server, so a CI
 * job can tell "the server is down" from "the server is broken".
 */
export function exitCodeFor(
  session: Pick<FlowSession, 'status' | 'findings'>,
  toolCall?: Pick<ToolCallOutcome, 'ok'>,
  { serverAnswered = true }: { serverAnswered?: boolean } = {},
): number {
  if (session.status !== 'done') return serverAnswered ? EXIT_FAILED : EXIT_UNREACHABLE;
  if (toolCall && !toolCall.ok) return EXIT_FAILED;
  return session.findings.some((finding) => finding.severity === 'error') ? EXIT_FAILED : EXIT_OK;
}
