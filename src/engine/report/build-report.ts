import type { ProviderProfile } from '../providers/profile.ts';
import { providerViewOf } from '../providers/view.ts';
import { findRule } from '../rules/catalog.ts';
import { ruleFix, type Surface } from '../rules/rule-fix.ts';
import { ruleLink } from '../rules/rule-link.ts';
import type { FlowSession, Learned } from '../model/session.ts';
import type { Step } from '../model/step.ts';
import { stepTitle } from '../steps/step-title.ts';
import { Redactor, collectSecrets } from './redact.ts';
import { GENERATOR, REPORT_FORMAT, type FlowReport, type ReportFacts, type ReportSettings, type ReportStep } from './report-format.ts';

export interface BuildReportOptions {
  /** Keep tokens, codes, verifiers and secrets as recorded. Off by default. */
  includeSecrets?: boolean;
  /** For tests: the time to stamp the report with. */
  now?: Date;
  /** Who reads the fixes: the CLI names flags, the app its form fields; both by default. */
  surface?: Surface;
  /** The provider profiles to recognise the run's provider with (the catalog); without them the report names none. */
  providers?: readonly ProviderProfile[];
}

/** The JSON report of a run: steps, exchanges and findings, with every secret redacted unless asked otherwise. */
export function buildReport(session: FlowSession, options: BuildReportOptions = {}): FlowReport {
  const redact = !options.includeSecrets;
  const redactor = new Redactor(redact ? collectSecrets(session) : []);
  const text = (value: string) => (redact ? redactor.text(value) : value);
  const providers = providerViewOf(session, options.providers ?? []);

  const report: FlowReport = {
    format: REPORT_FORMAT,
    generator: { ...GENERATOR },
    generatedAt: (options.now ?? new Date()).toISOString(),
    // A server URL can carry a credential in its query (?api_key=…): it is redacted like any text.
    server: text(session.settings.serverUrl),
    specVersion: session.settings.specVersion,
    status: session.status,
    ...(session.offSpec ? { offSpec: true } : {}),
    redacted: redact,
    settings: reportSettings(session),
    facts: reportFacts(session.learned),
    steps: session.steps.map((step) => reportStep(step, text)),
    exchanges: session.exchanges.map((exchange) => (redact ? redactor.exchange(exchange) : exchange)),
    findings: session.findings.map((finding) => {
      const rule = findRule(finding.ruleId);
      const explanation = providers.explanations[finding.id];
      return {
        ...finding,
        detail: text(finding.detail),
        ...(explanation ? { provider: { ...explanation, fix: text(explanation.fix) } } : {}),
        ...(rule
          ? {
              problem: rule.problem,
              fix: ruleFix(rule, options.surface ?? 'docs'),
              link: ruleLink(rule, session.settings.specVersion),
              ...(rule.stricterThanSdk ? { stricterThanSdk: rule.stricterThanSdk } : {}),
            }
          : {}),
      };
    }),
    ...(providers.provider ? { provider: { ...providers.provider, evidence: text(providers.provider.evidence) } } : {}),
  };
  // Settings and facts hold no secret by construction; a last pass over them costs nothing.
  if (redact) {
    report.settings = redactStrings(report.settings, text);
    report.facts = redactStrings(report.facts, text);
  }
  return report;
}

function reportStep(step: Step, text: (value: string) => string): ReportStep {
  return {
    id: step.id,
    kind: step.kind,
    title: text(stepTitle(step)),
    status: step.status,
    ...(step.summary !== undefined ? { summary: text(step.summary) } : {}),
    notes: step.notes.map(text),
    exchangeIds: [...step.exchangeIds],
    ...(step.startedAt !== undefined ? { startedAt: step.startedAt } : {}),
    ...(step.endedAt !== undefined ? { endedAt: step.endedAt } : {}),
    ...(step.offSpec ? { offSpec: true } : {}),
  };
}

function reportSettings({ settings }: FlowSession): ReportSettings {
  const registration = settings.registration ?? { mode: 'auto' };
  return withoutUndefined({
    autoVersion: settings.autoVersion,
    timeoutMs: settings.timeoutMs,
    redirectUri: settings.redirectUri,
    clientName: settings.clientName,
    registrationMode: registration.mode,
    clientId: registration.clientId,
    clientMetadataUrl: registration.clientMetadataUrl,
    clientSecretConfigured: registration.clientSecret ? true : undefined,
    scopeOverride: settings.scopeOverride,
    authorizationServer: settings.authorizationServer,
  });
}

/** Only facts that are safe to share; `learned` itself holds tokens and is never exported. */
function reportFacts(learned: Learned): ReportFacts {
  const claims = learned.accessTokenClaims;
  return withoutUndefined({
    protocolVersion: learned.protocolVersion,
    negotiatedVersion: learned.negotiatedVersion,
    resource: learned.resource,
    resourceMetadataUrl: learned.resourceMetadataUrl,
    prmUrl: learned.prmUrl,
    authorizationServers: stringList(learned.prm?.authorization_servers),
    scopesSupported: stringList(learned.prm?.scopes_supported),
    challengeScope: learned.challengeScope,
    issuer: learned.issuer ?? learned.asMetadata?.issuer,
    asMetadataUrl: learned.asMetadataUrl,
    clientId: learned.client?.client_id,
    tokenEndpointAuthMethod: learned.client?.token_endpoint_auth_method,
    requestedScope: learned.scope,
    grantedScope: learned.tokens?.scope,
    tokenType: learned.tokens?.token_type,
    expiresIn: learned.tokens?.expires_in,
    refreshTokenIssued: learned.tokens ? Boolean(learned.tokens.refresh_token) : undefined,
    accessTokenClaims: claims ? withoutUndefined({ iss: claims.iss, aud: claims.aud, scope: claims.scope, exp: claims.exp }) : undefined,
    tools: learned.tools?.map((tool) => ({ ...tool })),
  });
}

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : undefined;
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}

function redactStrings<T>(value: T, text: (value: string) => string): T {
  if (typeof value === 'string') return text(value) as T;
  if (Array.isArray(value)) return value.map((entry: unknown) => redactStrings(entry, text)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, redactStrings(entry, text)])) as T;
  }
  return value;
}
