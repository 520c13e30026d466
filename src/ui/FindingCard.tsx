import { findRule } from '../engine/rules/catalog.ts';
import { ruleFix } from '../engine/rules/rule-fix.ts';
import { ruleLink } from '../engine/rules/rule-link.ts';
import type { Finding } from '../engine/model/finding.ts';
import type { ProviderExplanation } from '../engine/providers/view.ts';
import { judgeUrl } from '../engine/security/openable-url.ts';
import type { SpecVersion } from '../engine/spec/versions.ts';
import type { Selection } from './selection.ts';
import { SEVERITY_STYLE } from './status.ts';

/** One finding: severity, rule id, what is wrong here, and how to fix it (in the app's words, linked to the run's spec version). Clicking selects where it was seen. */
export function FindingCard({
  finding,
  specVersion,
  onSelect,
  explanation,
  explainedAbove,
}: {
  finding: Finding;
  specVersion: SpecVersion;
  onSelect(selection: Selection): void;
  /** The recognised provider's cause and fix for this finding, when a profile explains it. */
  explanation?: ProviderExplanation | undefined;
  /** The rule id of a finding above that shows the same explanation in full; this one then only points at it. */
  explainedAbove?: string | undefined;
}) {
  const rule = findRule(finding.ruleId);
  const style = SEVERITY_STYLE[finding.severity];
  const target: Selection = finding.exchangeId ? { kind: 'exchange', id: finding.exchangeId } : { kind: 'step', id: finding.stepId };
  return (
    <article
      className={`rounded-md border p-2 text-sm ${style.className}`}
      data-testid="finding"
      data-rule-id={finding.ruleId}
      data-severity={finding.severity}
    >
      <button type="button" className="w-full text-left" onClick={() => onSelect(target)}>
        <p className="flex flex-wrap items-baseline gap-2">
          <span className="font-bold">
            {style.icon} {style.label}
          </span>
          <code className="rounded bg-white/70 px-1 text-xs">{finding.ruleId}</code>
        </p>
        {rule && <p className="mt-1 font-medium">{rule.problem}</p>}
        <p className="mt-1 text-xs break-words" data-testid="finding-detail">
          {finding.detail}
        </p>
      </button>
      {/* The provider's fix first: it is the lever the developer has; the rule's fix is then the general case. */}
      {explanation && <ProviderNote explanation={explanation} explainedAbove={explainedAbove} />}
      {rule && (
        <p className="mt-1 text-xs" data-testid="finding-fix">
          <span className="font-semibold">{explanation ? 'In general: ' : 'Fix: '}</span>
          {ruleFix(rule, 'app')}{' '}
          <a className="underline" href={ruleLink(rule, specVersion)} target="_blank" rel="noreferrer">
            spec ↗
          </a>
        </p>
      )}
      {rule?.stricterThanSdk && (
        <p className="mt-1 text-xs" data-testid="finding-stricter-than-sdk">
          <span className="font-semibold">Stricter than the SDK: </span>
          {rule.stricterThanSdk}
        </p>
      )}
    </article>
  );
}

/** "With Microsoft Entra ID: <cause> Fix: <fix>", and the provider's page when the URL gate allows opening it. */
function ProviderNote({ explanation, explainedAbove }: { explanation: ProviderExplanation; explainedAbove: string | undefined }) {
  const docs = judgeUrl(explanation.docs);
  if (explainedAbove) {
    return (
      <p className="mt-1 border-l-2 border-current pl-2 text-xs" data-testid="finding-provider">
        <span className="font-semibold">With {explanation.provider}: </span>
        the same cause as <code>{explainedAbove}</code> above, and the same fix.
      </p>
    );
  }
  return (
    <p className="mt-1 border-l-2 border-current pl-2 text-xs" data-testid="finding-provider">
      <span className="font-semibold">With {explanation.provider}: </span>
      {explanation.cause} <span className="font-semibold">Fix: </span>
      {explanation.fix}{' '}
      {docs.kind === 'allowed' && (
        <a className="underline" href={docs.url.href} target="_blank" rel="noreferrer">
          {explanation.provider} docs ↗
        </a>
      )}
    </p>
  );
}
