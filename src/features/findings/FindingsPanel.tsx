import type { FlowSession } from '../../engine/model/session.ts';
import type { Selection } from '../../ui/selection.ts';
import { FindingCard } from '../../ui/FindingCard.tsx';
import { explainedAbove } from '../../ui/provider-repeats.ts';
import { useProviderView } from '../../ui/use-provider-view.ts';
import { orderFindings } from './order-findings.ts';

export function FindingsPanel({ session, onSelect }: { session: FlowSession | null; onSelect(selection: Selection): void }) {
  const findings = session ? orderFindings(session) : [];
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const { explanations } = useProviderView(session);
  const repeats = explainedAbove(findings, explanations);
  return (
    <section aria-labelledby="findings-heading" data-testid="findings-panel" className="space-y-2">
      <h2 id="findings-heading" className="text-sm font-bold text-slate-700">
        Findings {session ? `(${findings.length}${errors ? `, ${errors} error${errors > 1 ? 's' : ''}` : ''})` : ''}
      </h2>
      {!session && <p className="text-sm text-slate-500">Run the flow to see what the server gets right and wrong.</p>}
      {session && !findings.some((finding) => finding.severity !== 'info') && (
        <p className="text-sm text-emerald-800" data-testid="no-findings">
          No problems found so far{findings.length ? `; ${findings.length} note${findings.length > 1 ? 's' : ''} below` : ''}.
        </p>
      )}
      {findings.map((finding) => (
        <FindingCard
          key={finding.id}
          finding={finding}
          specVersion={session!.settings.specVersion}
          onSelect={onSelect}
          explanation={explanations[finding.id]}
          explainedAbove={repeats.get(finding.id)}
        />
      ))}
    </section>
  );
}
