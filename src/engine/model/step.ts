import type { StepKind } from './step-kind.ts';

export type StepStatus = 'pending' | 'running' | 'ok' | 'warning' | 'failed' | 'blocked' | 'skipped';

export interface Step {
  /** Unique in the session: the kind for the main flow, `kind-N` for repeated steps (tool calls, refresh…). */
  id: string;
  kind: StepKind;
  /** A title for this instance when the kind's own title is not specific enough ("Call tool echo"). */
  title?: string;
  status: StepStatus;
  exchangeIds: string[];
  /** Short facts worth showing in the diagram, e.g. "Bearer, scope=mcp:tools". Plain text. */
  notes: string[];
  /** One line on how the step ended, shown under its title. */
  summary?: string;
  startedAt?: number;
  endedAt?: number;
  /** What this instance was asked to do (a tool call's name and arguments). */
  input?: Record<string, unknown>;
  /** What it produced for its caller (a tool call's result). */
  output?: unknown;
  /** A failed step the user may continue past, off-spec. */
  continuable?: boolean;
  /** Ran after the user chose to continue past an error: the path is off-spec. */
  offSpec?: boolean;
}
