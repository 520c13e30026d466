import { authorizationSpecUrl } from '../../engine/spec/versions.ts';
import type { FlowSession } from '../../engine/model/session.ts';
import type { Step } from '../../engine/model/step.ts';
import { STEP_DEFINITIONS } from '../../engine/steps/registry.ts';
import { stepTitle } from '../../engine/steps/step-title.ts';
import { STEP_STATUS_STYLE } from '../../ui/status.ts';
import { FindingCard } from '../../ui/FindingCard.tsx';
import { explainedAbove } from '../../ui/provider-repeats.ts';
import { useProviderView } from '../../ui/use-provider-view.ts';
import type { Selection } from '../../ui/selection.ts';

export function StepPanel({ step, session, onSelect }: { step: Step; session: FlowSession; onSelect(selection: Selection): void }) {
  const definition = STEP_DEFINITIONS[step.kind];
  const style = STEP_STATUS_STYLE[step.status];
  const number = session.steps.findIndex((candidate) => candidate.id === step.id) + 1;
  const findings = session.findings.filter((finding) => finding.stepId === step.id);
  const exchanges = session.exchanges.filter((exchange) => exchange.stepId === step.id);
  const { explanations } = useProviderView(session);
  const repeats = explainedAbove(findings, explanations);
  return (
    <section data-testid="step-panel" className="space-y-3">
      <header>
        <p className="text-xs font-semibold text-slate-500">
          Step {number} of {session.steps.length}
        </p>
        <h2 className="text-lg font-semibold">{stepTitle(step)}</h2>
        <span className={`mt-1 inline-block rounded border px-2 py-0.5 text-xs font-semibold ${style.className}`} data-testid="step-status">
          {style.icon} {style.label}
        </span>
        {step.summary && (
          <p className="mt-1 text-sm text-slate-800" data-testid="step-summary">
            {step.summary}
          </p>
        )}
      </header>
      <div className="rounded-md border border-sky-200 bg-sky-50 p-3 text-sm text-sky-950" data-testid="step-teaching">
        <p>{definition.teaching}</p>
        <a
          className="mt-1 inline-block text-xs font-semibold text-sky-800 underline"
          href={authorizationSpecUrl(session.settings.specVersion, definition.specAnchor)}
          target="_blank"
          rel="noreferrer"
        >
          Spec {session.settings.specVersion}: {definition.specAnchor.replaceAll('-', ' ')} ↗
        </a>
      </div>
      {step.notes.length > 0 && (
        <ul className="space-y-1 font-mono text-xs break-words text-slate-800" data-testid="step-notes">
          {step.notes.map((note, index) => (
            <li key={index}>• {note}</li>
          ))}
        </ul>
      )}
      {findings.length > 0 && (
        <div className="space-y-2">
          {findings.map((finding) => (
            <FindingCard
              key={finding.id}
              finding={finding}
              specVersion={session.settings.specVersion}
              onSelect={onSelect}
              explanation={explanations[finding.id]}
              explainedAbove={repeats.get(finding.id)}
            />
          ))}
        </div>
      )}
      {exchanges.length > 0 && (
        <div>
          <h3 className="text-xs font-bold tracking-wide text-slate-500 uppercase">HTTP exchanges</h3>
          <ul className="mt-1 space-y-1">
            {exchanges.map((exchange) => (
              <li key={exchange.id}>
                <button
                  type="button"
                  className="w-full truncate rounded px-2 py-1 text-left font-mono text-xs hover:bg-slate-100"
                  onClick={() => onSelect({ kind: 'exchange', id: exchange.id })}
                >
                  {exchange.label} → {exchange.response ? exchange.response.status : exchange.outcome}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
