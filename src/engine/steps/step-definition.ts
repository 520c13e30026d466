import type { RelayReport } from '../model/relay-report.ts';
import type { Exchange, Lane } from '../model/exchange.ts';
import type { ExchangeTarget, RecordingFetch } from '../http/recorder.ts';
import type { RuleId } from '../rules/catalog.ts';
import type { FlowSettings, Learned } from '../model/session.ts';
import type { StepStatus } from '../model/step.ts';
import type { UserAgent } from '../flow/user-agent.ts';
import type { StepKind } from '../model/step-kind.ts';
import type { SpecVersion } from '../spec/versions.ts';
import type { SpecProfile } from '../spec/profile.ts';
import type { ProfileRegistry } from '../spec/profile-registry.ts';

/** What a step may do: make recorded requests, raise findings, learn things, write notes. */
export interface StepContext {
  readonly settings: FlowSettings;
  /** What the session's spec version decides (settings.specVersion); steps never compare versions themselves. */
  readonly profile: SpecProfile<SpecVersion>;
  /** Every known version, for automatic version choice and for a protocol version learned during it. */
  readonly profiles: ProfileRegistry<SpecVersion>;
  /** Mutable: what this step learns is kept for the later ones. */
  readonly learned: Learned;
  readonly exchanges: readonly Exchange[];
  readonly userAgent: UserAgent;
  /** The user chose "Continue anyway" earlier in this run: what a conforming client refuses may now be tried. */
  readonly offSpec: boolean;
  readonly signal?: AbortSignal;
  /** The input this step instance was created with (e.g. which tool to call). */
  readonly input: Record<string, unknown>;
  /** Several authorization servers: which one? Asks the user where there is one. */
  chooseAuthorizationServer(issuers: string[]): Promise<string>;
  fetch(target: Omit<ExchangeTarget, 'stepId'>): RecordingFetch;
  /** Records a browser navigation we started or saw (the popup), which no fetch can observe. */
  navigation(from: Lane, to: Lane, url: string, startedAt: number): Exchange;
  raise(ruleId: RuleId, detail: string, exchangeId?: string): void;
  note(text: string): void;
  /**
   * For an exchange the browser blocked or whose headers it hid: asks the local relay what the
   * server really answered, keeps that on the exchange and raises the CORS verdicts. Undefined
   * when there is no relay (or it cannot answer): the step must then say it cannot tell.
   */
  explain(exchange: Exchange, neededExposed?: string[]): Promise<RelayReport | undefined>;
}

export interface StepOutcome {
  status: Exclude<StepStatus, 'pending' | 'running'>;
  summary: string;
  /** A failed step after which the flow could still go on, off-spec, if the user insists. */
  continuable?: boolean;
  /** Plain data for whoever asked for the step (a tool call's result, what a 401/403 asked for). */
  output?: StepOutput;
  /** A more specific title for this instance, e.g. when it took the 2025-03-26 legacy path. */
  title?: string;
  /** The step learned that the server speaks another version (automatic version choice). */
  switchVersion?: SpecVersion;
}

export type StepOutput =
  | { kind: 'tool-result'; result: unknown; isError: boolean }
  | { kind: 'needs-refresh' }
  | { kind: 'needs-step-up'; scope?: string }
  /** The resource metadata named a new authorization server; the client registered with it and holds no token yet. */
  | { kind: 'as-changed' }
  /** The first authenticated request met a 401 with a token just issued: read the resource metadata again before giving up. */
  | { kind: 'needs-recheck'; exchangeId: string; detail: string }
  | { kind: 'none' };

export interface StepDefinition {
  kind: StepKind;
  title: string;
  /** Two or three sentences: what happens and why. */
  teaching: string;
  /** The anchor in the version's authorization spec page. */
  specAnchor: string;
  run(ctx: StepContext): Promise<StepOutcome>;
}
