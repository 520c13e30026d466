import type { FlowSession } from '../engine/model/session.ts';
import { ExchangePanel } from '../features/exchange/ExchangePanel.tsx';
import { StepPanel } from '../features/exchange/StepPanel.tsx';
import { RelayPanel } from '../features/relay/RelayPanel.tsx';
import { ErrorBoundary } from '../ui/ErrorBoundary.tsx';
import type { Selection } from '../ui/selection.ts';

/** The right-hand panel: the selected step or exchange, or a hint. */
interface Props {
  session: FlowSession | null;
  selection: Selection;
  onSelect(selection: Selection): void;
  /** Ask the relay about one exchange; absent when no relay runs (a static host, an imported trace). */
  onAskRelay?: (exchangeId: string) => Promise<unknown>;
}

export function Inspector({ session, selection, onSelect, onAskRelay }: Props) {
  if (!session) {
    return <p className="text-sm text-slate-500">Select a step or an arrow in the diagram to see its teaching text and raw HTTP.</p>;
  }
  if (selection?.kind === 'exchange') {
    const exchange = session.exchanges.find((candidate) => candidate.id === selection.id);
    if (exchange) {
      const details = (
        <ErrorBoundary view="the exchange" resetKey={exchange}>
          <ExchangePanel exchange={exchange} session={session} onSelectStep={(id) => onSelect({ kind: 'step', id })} />
        </ErrorBoundary>
      );
      const relay = (
        <ErrorBoundary view="the relay panel" resetKey={exchange}>
          <RelayPanel
            exchange={exchange}
            relayAvailable={!!onAskRelay}
            onAsk={() => (onAskRelay ? onAskRelay(exchange.id) : Promise.reject(new Error('No relay here.')))}
          />
        </ErrorBoundary>
      );
      // With a relay verdict, the verdict is the answer (what to fix): it comes first, the raw exchange follows.
      return exchange.relay ? (
        <>
          {relay}
          <div className="mt-4">{details}</div>
        </>
      ) : (
        <>
          {details}
          <div className="mt-4">{relay}</div>
        </>
      );
    }
  }
  const stepId =
    selection?.kind === 'step'
      ? selection.id
      : (session.steps.find((step) => step.status === 'running') ?? session.steps.find((step) => step.status === 'pending') ?? session.steps[0])?.id;
  const step = session.steps.find((candidate) => candidate.id === stepId);
  return step ? (
    <ErrorBoundary view="the step" resetKey={step}>
      <StepPanel step={step} session={session} onSelect={onSelect} />
    </ErrorBoundary>
  ) : null;
}
