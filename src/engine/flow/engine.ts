import { createRecordingFetch, type RecorderOptions, type Runtime } from '../http/recorder.ts';
import { navigationExchange } from '../http/navigation.ts';
import type { Exchange, Lane } from '../model/exchange.ts';
import type { RelayReport } from '../model/relay-report.ts';
import type { FlowSession } from '../model/session.ts';
import type { Step } from '../model/step.ts';
import type { StepKind } from '../model/step-kind.ts';
import { RelayExplainer, type EngineRelay } from '../relay/relay-explainer.ts';
import type { RuleId } from '../rules/catalog.ts';
import type { SpecProfile } from '../spec/profile.ts';
import type { ProfileRegistry } from '../spec/profile-registry.ts';
import { SPEC_PROFILES } from '../spec/profiles.ts';
import type { SpecVersion } from '../spec/versions.ts';
import { STEP_DEFINITIONS } from '../steps/registry.ts';
import type { StepContext, StepOutcome } from '../steps/step-definition.ts';
import {
  newStep,
  statusAfterStep,
  withExchange,
  withFinding,
  withRelayReport,
  withStatusesNoMilderThanFindings,
  withStepPatch,
  withVersion,
} from './session-changes.ts';
import type { RanStep, StepRunner } from './step-runner.ts';
import { queueRecheckAfter, refreshOrAuthorizeAgain } from './as-change.ts';
import { queueRestOfStepUp, queueStepUpAfter } from './step-up.ts';
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

type Listener = (session: FlowSession) => void;

/**
 * Runs a session one step at a time. The session stays plain data; every change publishes a new
 * snapshot so a UI (or the CLI) can render it.
 */
export class FlowEngine {
  private session: FlowSession;
  private readonly listeners = new Set<Listener>();
  private readonly abort = new AbortController();
  private busy = false;
  private readonly relay: RelayExplainer;
  /** What the on-demand actions and step-up use to add and run steps. */
  private readonly runner: StepRunner = {
    session: () => this.session,
    profile: () => this.profile(),
    appendStep: (kind, title, input) => this.appendStep(kind, title, input),
    runStep: (step) => this.runStep(step),
  };

  constructor(
    session: FlowSession,
    private readonly options: EngineOptions,
  ) {
    this.session = session;
    this.relay = new RelayExplainer(options.relay, session.settings.serverUrl, {
      session: () => this.session,
      profile: () => this.profile(),
      signal: this.abort.signal,
      keepReport: (exchangeId, report) => {
        this.session = withRelayReport(this.session, exchangeId, report);
      },
      raiseOnce: (ruleId, stepId, detail, exchangeId) => this.addFindingOnce(ruleId, stepId, detail, exchangeId),
      note: (stepId, text) => this.noteOn(stepId, text),
      publish: () => this.publish(),
    });
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
    const result = await this.exclusive(() => runToolCall(this.runner, name, args));
    return result ?? { ok: false, error: 'Another action is still running.' };
  }

  /** A refresh_token grant, from a button or after an expired token; first, a check that the authorization server is still the same. */
  async refresh(): Promise<void> {
    await this.exclusive(() => refreshOrAuthorizeAgain(this.runner));
  }

  /** Opt-in probes: no token, a malformed token and a tampered one must each get 401. */
  async audit(): Promise<void> {
    await this.exclusive(() => this.runStep(this.appendStep('audit')));
  }

  /** "Ask the relay why" for any exchange (RelayExplainer.ask); the flow is not touched. Throws a RelayError the UI can show as is. */
  async askRelay(exchangeId: string): Promise<RelayReport> {
    return this.relay.ask(exchangeId);
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
      this.addFinding(
        'authorize.popup-blocked',
        step.id,
        'The login ran in this tab instead of a popup; the session was kept in sessionStorage for the redirect only.',
      );
    }
    this.updateStep(step.id, { status: 'ok', summary: 'The authorization server redirected back to the app (full-page redirect).', endedAt: Date.now() });
    queueRestOfStepUp(this.runner);
    this.session = { ...this.session, status: 'running' };
    this.publish();
    return true;
  }

  private addFinding(ruleId: RuleId, stepId: string, detail: string, exchangeId?: string): void {
    const next = withFinding(this.session, ruleId, stepId, detail, exchangeId);
    if (next === this.session) return;
    this.session = next;
    this.publish();
  }

  /** A finding already raised with the same words is not raised again (a step-up's second token response, relay mode's repeated verdicts). */
  private addFindingOnce(ruleId: RuleId, stepId: string, detail: string, exchangeId?: string): void {
    if (this.session.findings.some((finding) => finding.ruleId === ruleId && finding.detail === detail)) return;
    this.addFinding(ruleId, stepId, detail, exchangeId);
  }

  private noteOn(stepId: string, text: string): void {
    const current = this.session.steps.find((candidate) => candidate.id === stepId);
    this.updateStep(stepId, { notes: [...(current?.notes ?? []), text] });
    this.publish();
  }

  private recordNavigation(stepId: string, from: Lane, to: Lane, url: string, startedAt: number): Exchange {
    const exchange = navigationExchange(`x${this.session.exchanges.length + 1}`, stepId, from, to, url, startedAt);
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

  private appendStep(kind: StepKind, title?: string, input?: Record<string, unknown>): Step {
    const step = newStep(this.session, kind, title, input);
    this.session = { ...this.session, steps: [...this.session.steps, step] };
    this.publish();
    return step;
  }

  private async runStep(step: Step): Promise<RanStep> {
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
    if (this.abort.signal.aborted) return { step, stopped: true };
    this.updateStep(id, {
      status: outcome.status,
      summary: outcome.summary,
      endedAt: Date.now(),
      ...(outcome.continuable ? { continuable: true } : {}),
      ...(outcome.title ? { title: outcome.title } : {}),
      ...(outcome.output ? { output: outcome.output } : {}),
    });
    if (outcome.switchVersion) this.session = withVersion(this.session, this.profiles(), outcome.switchVersion);
    queueStepUpAfter(this.runner, step, outcome);
    queueRecheckAfter(this.runner, step, outcome);
    this.session = { ...this.session, status: statusAfterStep(this.session, outcome, previous) };
    this.publish();
    return { step: this.session.steps.find((candidate) => candidate.id === id)!, stopped: outcome.status === 'failed' || outcome.status === 'blocked' };
  }

  private context(step: Step): StepContext {
    const stepId = step.id;
    const session = () => this.session;
    const recorderOptions: RecorderOptions = {
      timeoutMs: this.session.settings.timeoutMs,
      onExchange: (exchange: Exchange) => this.addExchange(exchange),
      nextId: () => `x${this.session.exchanges.length + 1}`,
      ...this.relay.recorderOptions(!!this.session.settings.viaRelay, this.options.fetchImpl),
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
      explain: (exchange: Exchange, neededExposed?: string[]) => this.relay.explain(stepId, exchange, neededExposed),
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
    this.session = withExchange(this.session, exchange);
    if (exchange.relay) this.relay.raiseVerdicts(exchange.stepId, exchange.id, exchange.relay);
    this.publish();
  }

  private updateStep(id: Step['id'], patch: Partial<Step>): void {
    this.session = withStepPatch(this.session, id, patch);
  }

  private publish(): void {
    if (this.abort.signal.aborted) return;
    // A fresh top-level object so renderers see a change. `learned` stays one object that the
    // running step writes to; it is copied only when the session is saved or exported.
    // Every change is published through here, so this is the one place that keeps each ended step's
    // status no milder than its findings, whether the step just ended or "Ask the relay why" added one later.
    this.session = { ...withStatusesNoMilderThanFindings(this.session) };
    for (const listener of this.listeners) listener(this.session);
  }
}
