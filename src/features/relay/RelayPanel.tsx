import { useMutation } from '@tanstack/react-query';
import type { Exchange } from '../../engine/model/exchange.ts';
import { BrowserColumn } from './BrowserColumn.tsx';
import { currentPageOrigin, isHttpsPage, relayUnavailableText } from '../../ui/relay-status-text.ts';
import { relayErrorText } from './relay-error-text.ts';
import { relayPanelMode } from './relay-panel-mode.ts';
import { ServerColumn } from './ServerColumn.tsx';
import { VerdictColumn } from './VerdictColumn.tsx';

interface Props {
  exchange: Exchange;
  /** Asks the relay about this exchange (engine.askRelay); the new snapshot then carries the report. */
  onAsk(): Promise<unknown>;
  /** False without a relay (no demo, no pairing): the button is replaced by how to get one. */
  relayAvailable: boolean;
}

const LEAD: Record<'blocked' | 'hidden' | 'check', string> = {
  blocked:
    'The browser blocked this exchange and gives the app no reason. The relay can re-send it, with the preflight a browser sends first, and show what the server really answered.',
  hidden: 'The browser hid a header the app needs. The relay can re-send the request and show whether the server sent it.',
  check: 'The relay can re-send this request, with the preflight a browser sends first, and check its CORS headers.',
};

/** "Ask the relay why": the browser's view, the server's real answer and the verdict, side by side. */
export function RelayPanel({ exchange, onAsk, relayAvailable }: Props) {
  const ask = useMutation({ mutationFn: onAsk });
  const mode = relayPanelMode(exchange);
  if (exchange.relay) {
    return (
      <section data-testid="relay-panel" data-verdict-first="true" className="space-y-1">
        <h3 className="text-xs font-bold tracking-wide text-slate-600 uppercase">CORS, seen from both sides</h3>
        {/* Side by side from 1280 px of viewport (the projector width and up), stacked below. */}
        <div className="grid grid-cols-1 gap-2 min-[1280px]:grid-cols-3" data-testid="relay-columns">
          <BrowserColumn exchange={exchange} />
          <ServerColumn exchange={exchange} report={exchange.relay} />
          <VerdictColumn report={exchange.relay} />
        </div>
      </section>
    );
  }
  if (mode === 'none' || mode === 'report') return null;
  return (
    <section
      data-testid="relay-panel"
      className={`space-y-2 rounded-md border p-2 text-xs ${mode === 'check' ? 'border-slate-200' : 'border-sky-300 bg-sky-50'}`}
    >
      <p>{LEAD[mode]}</p>
      <button
        type="button"
        data-testid="ask-relay"
        disabled={!relayAvailable || ask.isPending}
        onClick={() => ask.mutate()}
        className="rounded bg-sky-700 px-2 py-1 font-semibold text-white hover:bg-sky-800 disabled:cursor-not-allowed disabled:bg-slate-400"
      >
        {ask.isPending ? 'Asking the relay…' : mode === 'check' ? 'Check CORS with the relay' : 'Ask the relay why'}
      </button>
      {!relayAvailable && <p className="text-slate-700">{relayUnavailableText(currentPageOrigin())}</p>}
      {ask.isError && (
        <p role="alert" className="text-red-800">
          {relayErrorText(ask.error, isHttpsPage())}
        </p>
      )}
    </section>
  );
}
