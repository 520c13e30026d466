import { flowTiming } from '../engine/flow/timing.ts';
import type { FlowSession } from '../engine/model/session.ts';

const STATUS_TEXT: Record<FlowSession['status'], string> = {
  idle: 'Ready',
  running: 'Running…',
  'waiting-for-user': 'Waiting for you to log in and consent in the popup…',
  done: 'Flow complete',
  failed: 'Flow stopped',
};

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** One line under the controls: where the flow is, and where its time went. */
export function FlowSummary({ session }: { session: FlowSession }) {
  const timing = flowTiming(session);
  const failed = session.status === 'failed';
  return (
    <p
      className={`mt-2 text-sm ${failed ? 'font-semibold text-red-800' : session.status === 'done' ? 'font-semibold text-emerald-800' : 'text-slate-700'}`}
      data-testid="flow-status"
      data-status={session.status}
      role="status"
    >
      {STATUS_TEXT[session.status]}
      {timing && (session.status === 'done' || failed) && (
        <span
          className="ml-2 font-normal text-slate-600"
          data-testid="flow-timing"
          data-total-ms={timing.totalMs}
          data-server-ms={timing.serverMs}
          data-user-ms={timing.userMs}
          data-app-ms={timing.appMs}
        >
          in {seconds(timing.totalMs)}: {seconds(timing.serverMs)} waiting on servers, {seconds(timing.userMs)} in the login window, {seconds(timing.appMs)} in
          the app
        </span>
      )}
    </p>
  );
}
