import { absentHeaderFindings } from '../cors/absent-header-findings.ts';
import { neededExposedFor } from '../cors/needed-headers.ts';
import type { RelayEndpoint } from '../relay/relay-endpoint.ts';
import { askRelay } from '../cors/relay-client.ts';
import { withFlowGrant } from '../cors/relay-grant.ts';
import { RELAY_NOT_RUNNING, RelayError } from '../cors/relay-error.ts';
import { buildRelayReport } from '../cors/relay-report.ts';
import type { RelayReport } from '../model/relay-report.ts';
import { verdictFindingDetail } from '../cors/verdict-finding.ts';
import type { Exchange, Lane } from '../model/exchange.ts';
import { createRecordingFetch, type RecorderOptions, type Runtime } from '../http/recorder.ts';
import { createRelayFetch, relayedHopOf } from '../http/relay-fetch.ts';
import { findRule, getRule, type RuleId } from '../rules/catalog.ts';
import type { FlowSession } from '../model/session.ts';
import type { Step } from '../model/step.ts';
import type { SpecProfile } from '../spec/profile.ts';
import type { ProfileRegistry } from '../spec/profile-registry.ts';
import { SPEC_PROFILES } from '../spec/profiles.ts';
import type { SpecVersion } from '../spec/versions.ts';
import type { StepContext, StepOutcome } from '../steps/step-definition.ts';
import type { StepKind } from '../model/step-kind.ts';
import { STEP_DEFINITIONS } from '../steps/registry.ts';
import { stepUpScope } from '../steps/select-scope.ts';
import { runToolCall, type ToolCallResult } from './tool-call-flow.ts';
import type { UserAgent } from './user-agent.ts';

export interface EngineOptions {
  userAgent: UserAgent;
  fetchImpl?: typeof fetch;
  runtime?: Runtime;
  /** Asked when the resource metadata lists several authorization servers; the first is used without it. */
  chooseAuthorizationServer?: (issuers: string[]) => Promise<string>;
  /**
   * The local CORS relay (`npm start` publishes it in /__demo/config.json). With it, blocked and
   * hidden exchanges are explained, `askRelay` works, and `settings.viaRelay` turns on relay mode.
   */
  relay?: EngineRelay;
  /** The spec versions the engine knows and what each decides; the shipped ones by default. */
  profiles?: ProfileRegistry<SpecVersion>;
}

export interface EngineRelay extends RelayEndpoint {
  /** The app's origin: the Origin a browser sends, which the server's CORS headers must allow. */
  appOrigin: string;
  /** How to reach the relay; the global fetch by default. */
  fetchImpl?: typeof fetch;
}

type Listener = (session: FlowSession) => void;

/** What the on-demand actions (tool calls with step-up and refresh) need from the engine. */
export interface EngineInternals {
  readonly session: FlowSession;
  /** The profile of the session's spec version. */
  readonly profile: SpecProfile<SpecVersion>;
  appendStep(kind: StepKind, title?: string, input?: Record<string, unknown>): Step;
  runStep(step: Step): Promise<Step>;
}

/**
 * Runs a session one step at a time. The session stays plain data; every change publishes a new
 * snapshot so a UI (or the CLI) can render it.
 */
export class FlowEngine {
  private session: FlowSession;
  private readonly listeners = new Set<Listener>();
  private readonly abort = new AbortController();
  private busy = false;
  private relayFetch: typeof fetch | undefined;

  private readonly options: EngineOptions;

  constructor(session: FlowSession, options: EngineOptions) {
    this.session = session;
    // One relay grant per run, bound to the server the user chose (relay-grant.ts).
    const relay = options.relay;
    this.options = relay ? { ...options, relay: withFlowGrant(relay, session.settings.serverUrl, relay.appOrigin, relay.fetchImpl) } : options;
  }

  get snapshot(): FlowSession {
    return this.session;
  }

  get running(): boolean {
    return this.busy;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The step that `next()` would run, if the flow can go on. */
  nextStep(): Step | undefined {
    if (this.session.status === 'failed' || this.session.status === 'done') return undefined;
    return this.session.steps.find((step) => step.status === 'pending');
  }

  /** The failed step the user may continue past, off-spec, if any. */
  continuableStep(): Step | undefined {
    if (this.session.status !== 'failed') return undefined;
    // The failure the flow stopped at is the last one; an earlier one was already continued past.
    const failed = this.session.steps.findLast((step) => step.status === 'failed' || step.status === 'blocked');
    return failed?.continuable && this.session.steps.some((step) => step.status === 'pending') ? failed : undefined;
  }

  /** Stops whatever is in flight; used by Reset. */
  cancel(): void {
    this.abort.abort();
  }

  /** Runs exactly one step. Returns false when nothing ran. */
  async next(): Promise<boolean> {
    const step = this.nextStep();
    if (!step) return false;
    const ran = await this.exclusive(async () => {
      await this.runStep(step);
      return true;
    });
    return ran ?? false;
  }

  async runAll(): Promise<void> {
    while (await this.next()) {
      // next() publishes after each step.
    }
  }

  /**
   * Goes on past an error a conforming client must stop at (an issuer mismatch, missing PKCE
   * metadata…), so the user sees the rest of the flow. Everything after is marked off-spec.
   */
  async continueAnyway(): Promise<void> {
    if (!this.continuableStep()) return;
    this.session = { ...this.session, status: 'running', offSpec: true };
    this.publish();
    await this.runAll();
  }

  /** Calls a tool as a real client would: refreshes on 401, steps up on 403 insufficient_scope. */
  async callTool(name: string, args: Record<string, unknown>): Promise<ToolCallResult> {
    const result = await this.exclusive(() => runToolCall(this.internals(), name, args));
    return result ?? { ok: false, error: 'Another action is still running.' };
  }

  /** A refresh_token grant, from a button or after an expired token. */
  async refresh(): Promise<void> {
    await this.exclusive(() => this.runStep(this.appendStep('refresh')));
  }

  /** Opt-in probes: no token, a malformed token and a tampered one must each get 401. */
  async audit(): Promise<void> {
    await this.exclusive(() => this.runStep(this.appendStep('audit')));
  }

  /**
   * "Ask the relay why" for any exchange: the relay re-sends its request (and the preflight a
   * browser would send), the answer is kept on the exchange, and its CORS verdicts become
   * findings. The flow itself is not touched. Throws a RelayError the UI can show as is.
   */
  async askRelay(exchangeId: string): Promise<RelayReport> {
    const relay = this.options.relay;
    if (!relay) throw new RelayError('unavailable', RELAY_NOT_RUNNING);
    const exchange = this.session.exchanges.find((candidate) => candidate.id === exchangeId);
    if (!exchange) throw new Error(`There is no exchange ${exchangeId}.`);
    if (exchange.relay) return exchange.relay;
    const report = await askRelay(relay, exchange, relay.appOrigin, relay.fetchImpl, { signal: this.abort.signal });
    this.attachRelayReport(exchange, report);
    for (const { ruleId, detail } of absentHeaderFindings(exchange, report, this.profile())) {
      this.addFindingOnce(ruleId, exchange.stepId, detail, exchange.id);
    }
    return report;
  }

  /**
   * After a full-page redirect (the popup was blocked) the app restores the saved session and hands
   * over the URL the authorization server sent the browser back to; the flow then goes on.
   */
  resumeAuthorize(callbackUrl: string, options: { popupBlocked?: boolean } = {}): boolean {
    const step = this.session.steps.findLast((candidate) => candidate.kind === 'authorize' && candidate.status === 'running');
    const authorizeUrl = this.session.learned.authorizeUrl;
    if (!step || !authorizeUrl) return false;
    this.recordNavigation(step.id, 'user', 'as', authorizeUrl, step.startedAt ?? Date.now());
    this.recordNavigation(step.id, 'as', 'client', callbackUrl, Date.now());
    this.session.learned.callbackUrl = callbackUrl;
    if (options.popupBlocked) {
      this.addFinding('authorize.popup-blocked', step.id, 'The login ran in this tab instead of a popup; the session was kept in sessionStorage for the redirect only.');
    }
    this.updateStep(step.id, { status: 'ok', summary: 'The authorization server redirected back to the app (full-page redirect).', endedAt: Date.now() });
    if (!this.session.steps.some((candidate) => candidate.status === 'pending')) this.queueRestOfStepUp();
    this.session = { ...this.session, status: 'running' };
    this.publish();
    return true;
  }

  private addFinding(ruleId: RuleId, stepId: string, detail: string, exchangeId?: string): void {
    const rule = getRule(ruleId);
    // A rule speaks only for the versions it belongs to.
    if (!rule.versions.includes(this.session.settings.specVersion)) return;
    const finding = { id: this.nextFindingId(), ruleId, severity: rule.severity, stepId, detail, ...(exchangeId ? { exchangeId } : {}) };
    this.session = { ...this.session, findings: [...this.session.findings, finding] };
    this.publish();
  }

  /** Ids only go up, even after an automatic version choice drops findings. */
  private nextFindingId(): string {
    const used = this.session.findings.map((finding) => Number(finding.id.slice(1))).filter(Number.isFinite);
    return `f${Math.max(0, ...used) + 1}`;
  }

  /** A verdict already raised with the same words is not raised again: relay mode sees the same missing header on every request. */
  private addFindingOnce(ruleId: RuleId, stepId: string, detail: string, exchangeId?: string): void {
    if (this.session.findings.some((finding) => finding.ruleId === ruleId && finding.detail === detail)) return;
    this.addFinding(ruleId, stepId, detail, exchangeId);
  }

  private relayMode(): boolean {
    return !!this.options.relay && !!this.session.settings.viaRelay;
  }

  /** The step context's explain(): ask once per exchange; a relay that cannot answer leaves a note, not a failure. */
  private async explain(stepId: string, exchange: Exchange, neededExposed?: string[]): Promise<RelayReport | undefined> {
    const relay = this.options.relay;
    const current = this.session.exchanges.find((candidate) => candidate.id === exchange.id) ?? exchange;
    if (current.relay || current.relayed || !relay) return current.relay;
    try {
      const report = await askRelay(relay, current, relay.appOrigin, relay.fetchImpl, {
        neededExposed: neededExposed ?? neededExposedFor(current),
        signal: this.abort.signal,
      });
      this.attachRelayReport(current, report);
      return report;
    } catch (error) {
      if (this.abort.signal.aborted) return undefined;
      this.noteOn(stepId, `Could not ask the relay why: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  private attachRelayReport(exchange: Exchange, report: RelayReport): void {
    if (this.abort.signal.aborted) return;
    this.session = {
      ...this.session,
      exchanges: this.session.exchanges.map((candidate) => (candidate.id === exchange.id ? { ...candidate, relay: report } : candidate)),
    };
    this.raiseVerdicts(exchange.stepId, exchange.id, report);
    this.publish();
  }

  private raiseVerdicts(stepId: string, exchangeId: string, report: RelayReport): void {
    for (const verdict of report.verdicts) this.addFindingOnce(verdict.ruleId, stepId, verdictFindingDetail(verdict), exchangeId);
  }

  /** Relay mode: requests go through the relay, and each response carries what a browser would have refused. */
  private relayRecorderOptions(): Partial<RecorderOptions> {
    const relay = this.options.relay;
    if (!relay || !this.relayMode()) return this.options.fetchImpl ? { fetchImpl: this.options.fetchImpl } : {};
    this.relayFetch ??= createRelayFetch({ relay, appOrigin: relay.appOrigin, ...(relay.fetchImpl ? { fetchImpl: relay.fetchImpl } : {}) });
    return {
      fetchImpl: this.relayFetch,
      relayed: true,
      relayReport: (response, _request, target) => {
        const hop = relayedHopOf(response);
        if (!hop) return undefined;
        return buildRelayReport({
          request: hop.request,
          appOrigin: relay.appOrigin,
          ...(hop.preflightRequest ? { preflightRequest: hop.preflightRequest } : {}),
          answer: hop.answer,
          neededExposed: neededExposedFor({ to: target.to, hiddenHeaders: target.expectHeaders ?? [] }),
        });
      },
    };
  }

  private noteOn(stepId: string, text: string): void {
    const current = this.session.steps.find((candidate) => candidate.id === stepId);
    this.updateStep(stepId, { notes: [...(current?.notes ?? []), text] });
    this.publish();
  }

  private recordNavigation(stepId: string, from: Lane, to: Lane, url: string, startedAt: number): Exchange {
    const exchange: Exchange = {
      id: `x${this.session.exchanges.length + 1}`,
      stepId,
      from,
      to,
      label: navigationLabel(url),
      request: { method: 'GET', url, headers: [] },
      outcome: 'navigation',
      startedAt,
      durationMs: Date.now() - startedAt,
    };
    this.addExchange(exchange);
    return exchange;
  }

  private async exclusive<T>(action: () => Promise<T>): Promise<T | undefined> {
    if (this.busy || this.abort.signal.aborted) return undefined;
    this.busy = true;
    try {
      return await action();
    } finally {
      this.busy = false;
      this.publish();
    }
  }

  private internals(): EngineInternals {
    const engine = this;
    return {
      get session() {
        return engine.session;
      },
      get profile() {
        return engine.profile();
      },
      appendStep: (kind, title, input) => this.appendStep(kind, title, input),
      runStep: (step) => this.runStep(step),
    };
  }

  private appendStep(kind: StepKind, title?: string, input?: Record<string, unknown>): Step {
    const count = this.session.steps.filter((step) => step.kind === kind).length;
    const step: Step = {
      id: count ? `${kind}-${count + 1}` : kind,
      kind,
      ...(title ? { title } : {}),
      ...(input ? { input } : {}),
      status: 'pending',
      exchangeIds: [],
      notes: [],
    };
    this.session = { ...this.session, steps: [...this.session.steps, step] };
    this.publish();
    return step;
  }

  private async runStep(step: Step): Promise<Step> {
    const { id } = step;
    const definition = STEP_DEFINITIONS[step.kind];
    const previous = this.session.status;
    this.updateStep(id, { status: 'running', startedAt: Date.now(), ...(this.session.offSpec ? { offSpec: true } : {}) });
    this.session = { ...this.session, status: step.kind === 'authorize' ? 'waiting-for-user' : 'running' };
    this.publish();
    let outcome: StepOutcome;
    try {
      outcome = await definition.run(this.context(step));
    } catch (error) {
      // A bug of ours must still end as a readable failure, never a frozen spinner.
      const message = error instanceof Error ? error.message : String(error);
      outcome = { status: 'failed', summary: `Unexpected error in this step: ${message}` };
    }
    if (this.abort.signal.aborted) return step;
    this.updateStep(id, {
      status: outcome.status,
      summary: outcome.summary,
      endedAt: Date.now(),
      ...(outcome.continuable ? { continuable: true } : {}),
      ...(outcome.title ? { title: outcome.title } : {}),
      ...(outcome.output ? { output: outcome.output } : {}),
    });
    if (outcome.switchVersion) this.switchVersion(outcome.switchVersion);
    if (outcome.output?.kind === 'needs-step-up' && outcome.output.scope && step.kind === 'mcp-authenticated') {
      this.queueStepUp(outcome.output.scope, Number(step.input?.stepUps ?? 0) + 1);
    }
    this.session = { ...this.session, status: this.statusAfter(outcome, previous) };
    this.publish();
    return this.session.steps.find((candidate) => candidate.id === id)!;
  }

  private statusAfter(outcome: StepOutcome, previous: FlowSession['status']): FlowSession['status'] {
    // On-demand steps (tool calls, step-up, refresh, audit) after a finished flow leave it finished:
    // their own status and findings say how they went.
    if (previous === 'done') return 'done';
    if (outcome.status === 'failed' || outcome.status === 'blocked') return 'failed';
    return this.session.steps.some((step) => step.status === 'pending') ? 'running' : 'done';
  }

  /**
   * The authenticated request met 403 insufficient_scope: re-authorize for the scopes the version
   * prescribes, then retry. The steps are queued, so Next step walks through them one by one.
   */
  private queueStepUp(challenged: string, stepUps: number): void {
    const { learned } = this.session;
    learned.stepUpScope = stepUpScope(this.profile().stepUpScope, learned.scope, challenged);
    for (const kind of ['authorize', 'callback', 'token'] as const) this.appendStep(kind, `Step-up: ${STEP_DEFINITIONS[kind].title}`);
    this.appendStep('mcp-authenticated', 'Retry after step-up', { stepUps });
  }

  /**
   * A tool call's step-up runs its steps one by one, so a page that left for a full-page redirect in
   * the middle of one has nothing queued after the authorize step: queue the rest, then the retry.
   */
  private queueRestOfStepUp(): void {
    for (const kind of ['callback', 'token'] as const) this.appendStep(kind, `Step-up: ${STEP_DEFINITIONS[kind].title}`);
    const call = this.session.steps.findLast((candidate) => candidate.kind === 'tool-call');
    if (call?.input) this.appendStep('tool-call', call.title, { ...call.input, stepUps: Number(call.input.stepUps ?? 0) + 1 });
  }

  /** Automatic version choice found the server speaks another version: rebuild the steps still to come. */
  private switchVersion(version: SpecVersion): void {
    const present = new Set(this.session.steps.map((step) => step.kind));
    const added = this.profiles()
      .profileFor(version)
      .steps.filter((kind) => !present.has(kind))
      .map((kind): Step => ({ id: kind, kind, status: 'pending', exchangeIds: [], notes: [] }));
    // Findings of rules the settled version does not have were raised on a wrong guess: drop them.
    const findings = this.session.findings.filter((finding) => findRule(finding.ruleId)?.versions.includes(version) ?? true);
    this.session = {
      ...this.session,
      settings: { ...this.session.settings, specVersion: version },
      steps: [...this.session.steps, ...added],
      findings,
    };
  }

  private context(step: Step): StepContext {
    const stepId = step.id;
    const session = () => this.session;
    const recorderOptions: RecorderOptions = {
      timeoutMs: this.session.settings.timeoutMs,
      onExchange: (exchange: Exchange) => this.addExchange(exchange),
      nextId: () => `x${this.session.exchanges.length + 1}`,
      ...this.relayRecorderOptions(),
      ...(this.options.runtime ? { runtime: this.options.runtime } : {}),
    };
    return {
      settings: this.session.settings,
      profile: this.profile(),
      profiles: this.profiles(),
      learned: this.session.learned,
      get exchanges() {
        return session().exchanges;
      },
      userAgent: this.options.userAgent,
      get offSpec() {
        return !!session().offSpec;
      },
      signal: this.abort.signal,
      input: step.input ?? {},
      chooseAuthorizationServer: async (issuers) => (await this.options.chooseAuthorizationServer?.(issuers)) ?? issuers[0]!,
      fetch: (target) => createRecordingFetch(recorderOptions, { ...target, stepId }),
      navigation: (from: Lane, to: Lane, url: string, startedAt: number) => this.recordNavigation(stepId, from, to, url, startedAt),
      // The same words twice (a step-up's second token response, say) add nothing for the reader.
      raise: (ruleId: RuleId, detail: string, exchangeId?: string) => this.addFindingOnce(ruleId, stepId, detail, exchangeId),
      note: (text: string) => this.noteOn(stepId, text),
      explain: (exchange: Exchange, neededExposed?: string[]) => this.explain(stepId, exchange, neededExposed),
    };
  }

  private profiles(): ProfileRegistry<SpecVersion> {
    return this.options.profiles ?? SPEC_PROFILES;
  }

  /** The profile of the session's spec version, which an automatic version choice may change mid-run. */
  private profile(): SpecProfile<SpecVersion> {
    return this.profiles().profileFor(this.session.settings.specVersion);
  }

  private addExchange(exchange: Exchange): void {
    if (this.abort.signal.aborted) return;
    const step = this.session.steps.find((candidate) => candidate.id === exchange.stepId);
    this.session = { ...this.session, exchanges: [...this.session.exchanges, exchange] };
    this.updateStep(exchange.stepId, { exchangeIds: [...(step?.exchangeIds ?? []), exchange.id] });
    if (exchange.relay) this.raiseVerdicts(exchange.stepId, exchange.id, exchange.relay);
    this.publish();
  }

  private updateStep(id: Step['id'], patch: Partial<Step>): void {
    this.session = {
      ...this.session,
      steps: this.session.steps.map((step) => (step.id === id ? { ...step, ...patch } : step)),
    };
  }

  private publish(): void {
    if (this.abort.signal.aborted) return;
    // A fresh top-level object so renderers see a change. `learned` stays one object that the
    // running step writes to; it is copied only when the session is saved or exported.
    this.session = { ...this.session };
    for (const listener of this.listeners) listener(this.session);
  }
}

function navigationLabel(url: string): string {
  try {
    return `GET ${new URL(url).pathname} (browser navigation)`;
  } catch {
    return 'browser navigation';
  }
}
