import { createSession } from '../../engine/flow/create-session.ts';
import type { FlowSession } from '../../engine/model/session.ts';

/** A session that has not run, for tests that fill in findings or a report by hand to see how the CLI prints them. */
export function unrunSession(): FlowSession {
  return createSession({
    serverUrl: 'https://mcp.example.com/mcp',
    specVersion: '2026-07-28',
    timeoutMs: 1000,
    redirectUri: 'http://127.0.0.1:1/callback',
    clientName: 'test',
    registration: { mode: 'auto' },
  });
}
