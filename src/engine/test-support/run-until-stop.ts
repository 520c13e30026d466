import { createSession } from '../flow/create-session.ts';
import { FlowEngine } from '../flow/engine.ts';
import type { UserAgent } from '../flow/user-agent.ts';
import type { FlowSession } from '../model/session.ts';
import type { SpecVersion } from '../spec/versions.ts';

const unusedUserAgent: UserAgent = {
  authorize: () => Promise.reject(new Error('These tests stop before the login')),
};

/** Runs the engine in Node against `serverUrl` until the flow stops, and returns the session. */
export async function runUntilStop(
  serverUrl: string,
  options: { specVersion?: SpecVersion; timeoutMs?: number; userAgent?: UserAgent } = {},
): Promise<FlowSession> {
  const engine = new FlowEngine(
    createSession({
      serverUrl,
      specVersion: options.specVersion ?? '2026-07-28',
      timeoutMs: options.timeoutMs ?? 2_000,
      redirectUri: 'http://localhost:5173/callback',
      clientName: 'engine test',
      registration: { mode: 'auto' },
    }),
    { userAgent: options.userAgent ?? unusedUserAgent, runtime: 'node' },
  );
  await engine.runAll();
  return engine.snapshot;
}

export const statusOf = (session: FlowSession, id: string) => session.steps.find((step) => step.id === id)?.status;
export const ruleIds = (session: FlowSession) => session.findings.map((finding) => finding.ruleId);
