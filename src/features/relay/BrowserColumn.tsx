import type { Exchange } from '../../engine/model/exchange.ts';
import { HeaderLines } from './HeaderLines.tsx';

/** Column 1: what the script was given, which is the browser's truth. */
export function BrowserColumn({ exchange }: { exchange: Exchange }) {
  const { response } = exchange;
  return (
    <section className="min-w-0 space-y-1 rounded border border-slate-200 p-2" aria-label="What the browser saw">
      <h4 className="text-xs font-bold text-slate-700">What the browser saw</h4>
      {exchange.relayed ? (
        <p className="text-xs text-slate-700">
          Nothing: in relay mode the relay sent this request, not the browser. The verdict says what a browser would have done with the same answer.
        </p>
      ) : exchange.outcome === 'blocked' ? (
        <p className="text-xs text-red-800">Blocked: the script got a TypeError and no status, headers or body.</p>
      ) : response ? (
        <>
          <p className="font-mono text-xs">
            HTTP {response.status} {response.statusText}
          </p>
          <HeaderLines headers={response.headers} />
          {exchange.hiddenHeaders?.length ? <p className="text-xs text-amber-900">Not readable by the script: {exchange.hiddenHeaders.join(', ')}</p> : null}
        </>
      ) : (
        <p className="text-xs text-slate-700">{exchange.error ?? 'No response reached the app.'}</p>
      )}
    </section>
  );
}
