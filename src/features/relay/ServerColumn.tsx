import { isRelayFailure, type ReportedOutcome } from '../../engine/model/relayed-outcome.ts';
import type { RelayReport } from '../../engine/model/relay-report.ts';
import type { Exchange } from '../../engine/model/exchange.ts';
import { HeaderLines } from './HeaderLines.tsx';

/** Column 2: the relay's view, every header visible: the preflight a browser would send, then the request. */
export function ServerColumn({ exchange, report }: { exchange: Exchange; report: RelayReport }) {
  const { request } = exchange;
  const replaysGrant = request.method === 'POST' && /(^|&)grant_type=/.test(request.body ?? '');
  return (
    <section className="min-w-0 space-y-2 rounded border border-slate-200 p-2" aria-label="What the server really answered" data-testid="relay-server-response">
      <h4 className="text-xs font-bold text-slate-700">What the server really answered</h4>
      {report.preflightRequest && (
        <div className="space-y-0.5">
          <p className="font-mono text-[11px] [overflow-wrap:anywhere] text-slate-600">
            OPTIONS {request.url}
            <br />
            Access-Control-Request-Method: {report.preflightRequest.method}
            {report.preflightRequest.headers.length > 0 && (
              <>
                <br />
                Access-Control-Request-Headers: {report.preflightRequest.headers.join(',')}
              </>
            )}
          </p>
          {report.preflight ? <Outcome outcome={report.preflight} /> : <p className="text-xs text-slate-500">The relay sent no preflight.</p>}
        </div>
      )}
      <div className="space-y-0.5">
        <p className="font-mono text-[11px] [overflow-wrap:anywhere] text-slate-600">
          {request.method} {request.url}
        </p>
        <Outcome outcome={report.response} highlight={report.needed.map((header) => header.name)} />
      </div>
      {replaysGrant && (
        <p className="text-[11px] text-slate-600">
          The relay sent this token request again, so a one-time code or refresh token in it may already be spent; the CORS headers are what matter here.
        </p>
      )}
    </section>
  );
}

function Outcome({ outcome, highlight }: { outcome: ReportedOutcome; highlight?: readonly string[] }) {
  if (isRelayFailure(outcome)) {
    return (
      <p className="text-xs text-red-800">
        {outcome.kind === 'timeout' ? 'No answer in time' : 'No answer'}: {outcome.error}
      </p>
    );
  }
  return (
    <>
      <p className="font-mono text-xs font-semibold">
        HTTP {outcome.status} {outcome.statusText}
      </p>
      <HeaderLines headers={outcome.headers} {...(highlight ? { highlight } : {})} />
    </>
  );
}
