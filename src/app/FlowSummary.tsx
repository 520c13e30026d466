import type { Ref } from 'react';
import { flowTiming } from '../engine/flow/timing.ts';
import type { FlowSession } from '../engine/model/session.ts';
import { useProviderView } from '../ui/use-provider-view.ts';
import { outcomeLine, type OutcomeTone } from './outcome-line.ts';

const TONE_CLASS: Record<OutcomeTone, string> = {
  error: 'font-semibold text-red-800',
  warning: 'font-semibold text-amber-900',
  success: 'font-semibold text-emerald-800',
  neutral: 'text-slate-700',
};

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

interface Props {
  session: FlowSession;
  /** Takes focus when a run ends, so a keyboard or screen-reader user lands on the verdict. */
  outcomeRef?: Ref<HTMLParagraphElement>;
  /** Selects the first error where it was seen and opens the findings. */
  onShowFirstError(): void;
}

/** One line under the controls: how the flow ended (by its findings, not only its status), and where its time went. */
export function FlowSummary({ session, outcomeRef, onShowFirstError }: Props) {
  const timing = flowTiming(session);
  const line = outcomeLine(session);
  const ended = session.status === 'done' || session.status === 'failed';
  const provider = useProviderView(session).provider;
  return (
    <>
      <p
        ref={outcomeRef}
        tabIndex={-1}
        className={`mt-2 text-sm focus:outline-2 focus:outline-offset-2 focus:outline-sky-600 ${TONE_CLASS[line.tone]}`}
        data-testid="flow-status"
        data-status={session.status}
        data-tone={line.tone}
        role="status"
      >
        {line.text}
        {timing && ended && (
          <span
            className="ml-2 font-normal text-slate-600"
            data-testid="flow-timing"
            data-total-ms={timing.totalMs}
            data-server-ms={timing.serverMs}
            data-user-ms={timing.userMs}
            data-app-ms={timing.appMs}
          >
            in {seconds(timing.totalMs)}: {seconds(timing.serverMs)} waiting on servers, {seconds(timing.userMs)} in the login window, {seconds(timing.appMs)}{' '}
            in the app
          </span>
        )}
      </p>
      {provider && (
        <p className="mt-1 text-xs text-slate-700" data-testid="provider-line" data-provider={provider.id}>
          Provider: {provider.evidence}
        </p>
      )}
      {ended && line.errors > 0 && (
        <button
          type="button"
          onClick={onShowFirstError}
          data-testid="show-first-error"
          className="mt-2 rounded-md border border-red-700 px-3 py-1 text-sm font-semibold text-red-800 hover:bg-red-50"
        >
          Show the first error
        </button>
      )}
    </>
  );
}
