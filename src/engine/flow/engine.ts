import type { Exchange, Lane } from '../http/exchange.ts';
import { createRecordingFetch, type Runtime } from '../http/recorder.ts';
import { getRule, type RuleId } from '../rules/catalog.ts';
import type { FlowSession, Step } from '../session/types.ts';
import type { StepContext, StepOutcome } from '../steps/step-definition.ts';
import { STEP_DEFINITIONS } from '../steps/registry.ts';
import type { UserAgent } from './user-agent.ts';

export interface EngineOptions {
  userAgent: UserAgent;
  fetchImpl?: typeof fetch;
  runtime?: Runtime;
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

  constructor(
    session: FlowSession,
    private readonly options: EngineOptions,
  ) {
    this.session = session;
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

  /** Stops whatever is in flight; used by Reset. */
  cancel(): void {
    this.abort.abort();
  }

  /** Runs exactly one step. Returns false when nothing ran. */
  async next(): Promise<boolean> {
    const step = this.nextStep();
    if (!step || this.busy || this.abort.signal.aborted) return false;
    this.busy = true;
    try {
      await this.runStep(step);
    } finally {
      this.busy = false;
    }
    this.publish();
    return true;
  }

  async runAll(): Promise<void> {
    while (await this.next()) {
      // next() publishes after each step.
    }
  }

  private async runStep(step: Step): Promise<void> {
    const { id } = step;
    const definition = STEP_DEFINITIONS[step.kind];
    this.updateStep(id, { status: 'running', startedAt: Date.now() });
    this.session = { ...this.session, status: step.kind === 'authorize' ? 'waiting-for-user' : 'running' };
    this.publish();
    let outcome: StepOutcome;
    try {
      outcome = await definition.run(this.context(id));
    } catch (error) {
      // A bug of ours must still end as a readable failure, never a frozen spinner.
      const message = error instanceof Error ? error.message : String(error);
      outcome = { status: 'failed', summary: `Unexpected error in this step: ${message}` };
    }
    if (this.abort.signal.aborted) return;
    this.updateStep(id, { status: outcome.status, summary: outcome.summary, endedAt: Date.now() });
    const stops = outcome.status === 'failed' || outcome.status === 'blocked';
    const last = !this.session.steps.some((step) => step.status === 'pending');
    this.session = { ...this.session, status: stops ? 'failed' : last ? 'done' : 'running' };
  }

  private context(stepId: Step['id']): StepContext {
    const session = () => this.session;
    const recorderOptions = {
      timeoutMs: this.session.settings.timeoutMs,
      onExchange: (exchange: Exchange) => this.addExchange(exchange),
      nextId: () => `x${this.session.exchanges.length + 1}`,
      ...(this.options.fetchImpl ? { fetchImpl: this.options.fetchImpl } : {}),
      ...(this.options.runtime ? { runtime: this.options.runtime } : {}),
    };
    return {
      settings: this.session.settings,
      learned: this.session.learned,
      get exchanges() {
        return session().exchanges;
      },
      userAgent: this.options.userAgent,
      signal: this.abort.signal,
      fetch: (target) => createRecordingFetch(recorderOptions, { ...target, stepId }),
      navigation: (from: Lane, to: Lane, url: string, startedAt: number) => {
        const exchange: Exchange = {
          id: recorderOptions.nextId(),
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
      },
      raise: (ruleId: RuleId, detail: string, exchangeId?: string) => {
        const rule = getRule(ruleId);
        const finding = {
          id: `f${this.session.findings.length + 1}`,
          ruleId,
          severity: rule.severity,
          stepId,
          detail,
          ...(exchangeId ? { exchangeId } : {}),
        };
        this.session = { ...this.session, findings: [...this.session.findings, finding] };
        this.publish();
      },
      note: (text: string) => {
        const step = this.session.steps.find((candidate) => candidate.id === stepId);
        this.updateStep(stepId, { notes: [...(step?.notes ?? []), text] });
        this.publish();
      },
    };
  }

  private addExchange(exchange: Exchange): void {
    if (this.abort.signal.aborted) return;
    const step = this.session.steps.find((candidate) => candidate.id === exchange.stepId);
    this.session = { ...this.session, exchanges: [...this.session.exchanges, exchange] };
    this.updateStep(exchange.stepId, { exchangeIds: [...(step?.exchangeIds ?? []), exchange.id] });
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
