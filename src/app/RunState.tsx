import type { Ref } from 'react';
import type { FlowSession } from '../engine/model/session.ts';
import { ErrorBoundary } from '../ui/ErrorBoundary.tsx';
import { FlowSummary } from './FlowSummary.tsx';

interface Props {
  session: FlowSession;
  /** A failed step the user may go past, off-spec, while nothing runs. */
  continuable: boolean;
  onCancelLogin(): void;
  onContinueAnyway(): void;
  onShowFirstError(): void;
  outcomeRef?: Ref<HTMLParagraphElement>;
}

/** Under the form during a live run: how far it got, and the ways out of a waiting or failed step. */
export function RunState({ session, continuable, onCancelLogin, onContinueAnyway, onShowFirstError, outcomeRef }: Props) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <ErrorBoundary view="the flow summary" resetKey={session}>
        <FlowSummary session={session} onShowFirstError={onShowFirstError} {...(outcomeRef ? { outcomeRef } : {})} />
      </ErrorBoundary>
      {session.status === 'waiting-for-user' && (
        <button
          type="button"
          onClick={onCancelLogin}
          className="mt-2 rounded-md border border-slate-400 px-3 py-1 text-sm font-semibold text-slate-700 hover:bg-slate-100"
          title="Closed the login window, or the authorization server showed an error instead of coming back? Give up on this login."
        >
          Cancel login
        </button>
      )}
      {continuable && (
        <button
          type="button"
          onClick={onContinueAnyway}
          className="mt-2 rounded-md border-2 border-dashed border-red-700 px-3 py-1 text-sm font-semibold text-red-800 hover:bg-red-50"
          title="A conforming client stops here. Go on to see the rest of the flow; later steps are marked off-spec."
        >
          Continue anyway (off-spec)
        </button>
      )}
    </div>
  );
}
