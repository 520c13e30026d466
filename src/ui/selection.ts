import type { StepKind } from '../engine/steps/step-kind.ts';

/** What the inspector shows: one exchange, or one step. */
export type Selection = { kind: 'exchange'; id: string } | { kind: 'step'; id: StepKind } | null;
