import type { Exchange, Lane } from '../http/exchange.ts';
import type { ExchangeTarget, RecordingFetch } from '../http/recorder.ts';
import type { RuleId } from '../rules/catalog.ts';
import type { FlowSettings, Learned, StepStatus } from '../session/types.ts';
import type { UserAgent } from '../flow/user-agent.ts';
import type { StepKind } from './step-kind.ts';

/** What a step may do: make recorded requests, raise findings, learn things, write notes. */
export interface StepContext {
  readonly settings: FlowSettings;
  /** Mutable: what this step learns is kept for the later ones. */
  readonly learned: Learned;
  readonly exchanges: readonly Exchange[];
  readonly userAgent: UserAgent;
  readonly signal?: AbortSignal;
  fetch(target: Omit<ExchangeTarget, 'stepId'>): RecordingFetch;
  /** Records a browser navigation we started or saw (the popup), which no fetch can observe. */
  navigation(from: Lane, to: Lane, url: string, startedAt: number): Exchange;
  raise(ruleId: RuleId, detail: string, exchangeId?: string): void;
  note(text: string): void;
}

export interface StepOutcome {
  status: Exclude<StepStatus, 'pending' | 'running'>;
  summary: string;
}

export interface StepDefinition {
  kind: StepKind;
  title: string;
  /** Two or three sentences: what happens and why. */
  teaching: string;
  /** The anchor in the version's authorization spec page. */
  specAnchor: string;
  run(ctx: StepContext): Promise<StepOutcome>;
}
