import type { Finding } from '../model/finding.ts';
import type { FlowSession } from '../model/session.ts';
import type { ProviderProfile } from './profile.ts';
import { recognize } from './recognize.ts';
import { seenIn, type Seen } from './seen.ts';

/** What a finding gains when a recognised provider explains it: "With <name>: <cause> Fix: <fix>". */
export interface ProviderExplanation {
  provider: string;
  deviation: string;
  cause: string;
  fix: string;
  docs: string;
}

export interface ProviderView {
  provider?: { id: string; name: string; evidence: string; docs: string };
  /** By finding id; a finding no profile explains is not here. */
  explanations: Readonly<Record<string, ProviderExplanation>>;
}

/**
 * The provider view of a run: a pure function of the session and the profiles, so the app, the CLI,
 * the JSON report and an imported HAR all read the same answer, and nothing is stored that could go
 * stale. The profiles are the catalog's (catalog.ts): the app loads it lazily, Node passes it at once (explain.ts).
 */
export function providerViewOf(session: FlowSession, profiles: readonly ProviderProfile[]): ProviderView {
  // A session is an immutable snapshot: the summary line, the finding cards and the report share one answer.
  let byProfiles = views.get(profiles);
  if (!byProfiles) views.set(profiles, (byProfiles = new WeakMap()));
  const cached = byProfiles.get(session);
  if (cached) return cached;
  const view = viewOf(session, profiles);
  byProfiles.set(session, view);
  return view;
}

const views = new WeakMap<readonly ProviderProfile[], WeakMap<FlowSession, ProviderView>>();

function viewOf(session: FlowSession, profiles: readonly ProviderProfile[]): ProviderView {
  const seen = seenIn(session);
  const recognised = recognize(seen, profiles);
  if (!recognised) return { explanations: {} };
  const { profile, evidence } = recognised;
  const explanations: Record<string, ProviderExplanation> = {};
  for (const finding of session.findings) {
    const explanation = explainFinding(profile, finding, seen, textOf(finding, session));
    if (explanation) explanations[finding.id] = explanation;
  }
  return { provider: { id: profile.id, name: profile.name, evidence, docs: profile.docs }, explanations };
}

/** The first of the profile's deviations that explains this finding. */
export function explainFinding(profile: ProviderProfile, finding: Finding, seen: Seen, text: string): ProviderExplanation | undefined {
  const deviation = profile.deviations.find((candidate) => candidate.rules.includes(finding.ruleId) && (candidate.applies?.(finding, seen, text) ?? true));
  return deviation && { provider: profile.name, deviation: deviation.id, cause: deviation.cause, fix: deviation.fix(seen), docs: deviation.docs };
}

/** The finding's detail, its exchange's URL and what came back (the body, or the error redirect's URL). */
function textOf(finding: Finding, session: FlowSession): string {
  const exchange = finding.exchangeId ? session.exchanges.find((candidate) => candidate.id === finding.exchangeId) : undefined;
  const said = exchange && exchange.outcome !== 'navigation' ? (exchange.response?.body ?? '') : '';
  return `${finding.detail}\n${exchange?.request.url ?? ''}\n${said.slice(0, 20_000)}`;
}
