import { neededExposedFor } from '../cors/needed-headers.ts';
import { verdictFindingDetail } from '../cors/verdict-finding.ts';
import type { RecorderOptions } from '../http/recorder.ts';
import type { Exchange } from '../model/exchange.ts';
import type { RuleId } from '../model/registered.ts';
import type { RelayReport } from '../model/relay-report.ts';
import type { FlowSession } from '../model/session.ts';
import type { SpecProfile } from '../spec/profile.ts';
import type { SpecVersion } from '../spec/versions.ts';
import { absentHeaderFindings } from './absent-header-findings.ts';
import { askRelay } from './relay-client.ts';
import type { RelayEndpoint } from './relay-endpoint.ts';
import { RELAY_NOT_RUNNING, RelayError } from './relay-error.ts';
import { createRelayFetch, relayedHopOf } from './relay-fetch.ts';
import { withFlowGrant } from './relay-grant.ts';
import { buildRelayReport } from './relay-report.ts';

/** The relay as the engine is given it (`npm start` publishes it in /__demo/config.json). */
export interface EngineRelay extends RelayEndpoint {
  /** The app's origin: the Origin a browser sends, which the server's CORS headers must allow. */
  appOrigin: string;
  /** How to reach the relay; the global fetch by default. */
  fetchImpl?: typeof fetch;
}

/** What the explainer needs from the engine: the session as it stands, and the ways to change it. */
export interface ExplainerHost {
  session(): FlowSession;
  /** The profile of the session's spec version. */
  profile(): SpecProfile<SpecVersion>;
  readonly signal: AbortSignal;
  /** Puts the report on the exchange, without publishing. */
  keepReport(exchangeId: string, report: RelayReport): void;
  /** Raises a finding unless one with the same rule and words is already there. */
  raiseOnce(ruleId: RuleId, stepId: string, detail: string, exchangeId?: string): void;
  note(stepId: string, text: string): void;
  publish(): void;
}

/**
 * Everything the engine does with the relay: explains a blocked or hidden exchange (during a step,
 * or when the user asks), turns the relay's CORS verdicts into findings, and, in relay mode, sends
 * the requests themselves through it.
 */
export class RelayExplainer {
  private readonly relay: EngineRelay | undefined;
  private relayFetch: typeof fetch | undefined;

  constructor(
    relay: EngineRelay | undefined,
    serverUrl: string,
    private readonly host: ExplainerHost,
  ) {
    // One relay grant per run, bound to the server the user chose (relay-grant.ts).
    this.relay = relay && withFlowGrant(relay, serverUrl, relay.appOrigin, relay.fetchImpl);
  }

  /**
   * "Ask the relay why" for any exchange: the relay re-sends its request (and the preflight a
   * browser would send), the answer is kept on the exchange, and its CORS verdicts become
   * findings. The flow itself is not touched. Throws a RelayError the UI can show as is.
   */
  async ask(exchangeId: string): Promise<RelayReport> {
    const relay = this.relay;
    if (!relay) throw new RelayError('unavailable', RELAY_NOT_RUNNING);
    const exchange = this.host.session().exchanges.find((candidate) => candidate.id === exchangeId);
    if (!exchange) throw new Error(`There is no exchange ${exchangeId}.`);
    if (exchange.relay) return exchange.relay;
    const report = await askRelay(relay, exchange, relay.appOrigin, relay.fetchImpl, { signal: this.host.signal });
    this.attach(exchange, report);
    for (const { ruleId, detail } of absentHeaderFindings(exchange, report, this.host.profile())) {
      this.host.raiseOnce(ruleId, exchange.stepId, detail, exchange.id);
    }
    return report;
  }

  /** The step context's explain(): ask once per exchange; a relay that cannot answer leaves a note, not a failure. */
  async explain(stepId: string, exchange: Exchange, neededExposed?: string[]): Promise<RelayReport | undefined> {
    const relay = this.relay;
    const current = this.host.session().exchanges.find((candidate) => candidate.id === exchange.id) ?? exchange;
    if (current.relay || current.relayed || !relay) return current.relay;
    try {
      const report = await askRelay(relay, current, relay.appOrigin, relay.fetchImpl, {
        neededExposed: neededExposed ?? neededExposedFor(current),
        signal: this.host.signal,
      });
      this.attach(current, report);
      return report;
    } catch (error) {
      if (this.host.signal.aborted) return undefined;
      this.host.note(stepId, `Could not ask the relay why: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  /** A verdict already raised with the same words is not raised again: relay mode sees the same missing header on every request. */
  raiseVerdicts(stepId: string, exchangeId: string, report: RelayReport): void {
    for (const verdict of report.verdicts) this.host.raiseOnce(verdict.ruleId, stepId, verdictFindingDetail(verdict), exchangeId);
  }

  /**
   * How a step's requests are sent. Relay mode (viaRelay, with a relay): through the relay, and each
   * response carries what a browser would have refused. Otherwise the given fetch, if any.
   */
  recorderOptions(viaRelay: boolean, fetchImpl: typeof fetch | undefined): Partial<RecorderOptions> {
    const relay = this.relay;
    if (!relay || !viaRelay) return fetchImpl ? { fetchImpl } : {};
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

  private attach(exchange: Exchange, report: RelayReport): void {
    if (this.host.signal.aborted) return;
    this.host.keepReport(exchange.id, report);
    this.raiseVerdicts(exchange.stepId, exchange.id, report);
    this.host.publish();
  }
}
