import type { FlowSession, FlowSettings } from '../session/types.ts';
import { stepsFor } from '../steps/step-kind.ts';

export const DEFAULT_TIMEOUT_MS = 15_000;

export function createSession(settings: FlowSettings): FlowSession {
  return {
    format: 'mcp-auth-flow/session@1',
    settings,
    status: 'idle',
    steps: stepsFor(settings.specVersion).map((kind) => ({ id: kind, kind, status: 'pending', exchangeIds: [], notes: [] })),
    exchanges: [],
    findings: [],
    learned: {},
  };
}
