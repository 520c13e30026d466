import { useMemo, useState } from 'react';
import { toCurl } from '../../engine/http/curl.ts';
import type { Exchange } from '../../engine/model/exchange.ts';
import type { FlowSession } from '../../engine/model/session.ts';
import { findJwts } from '../../engine/jwt/find-jwts.ts';
import { headerValue } from '../../engine/model/header-list.ts';
import { stepTitle } from '../../engine/steps/step-title.ts';
import { LANE_TITLES } from '../../ui/lanes.ts';
import { CopyButton } from '../../ui/CopyButton.tsx';
import { BodyView } from './BodyView.tsx';
import { HeadersTable } from './HeadersTable.tsx';
import { JwtView } from './JwtView.tsx';
import { outcomeText } from './outcome-text.ts';
import { recordedBodyNote } from './recorded-body-note.ts';

const TONE = {
  ok: 'bg-emerald-100 text-emerald-800',
  warn: 'bg-amber-100 text-amber-900',
  bad: 'bg-red-100 text-red-800',
  neutral: 'bg-slate-100 text-slate-700',
};

export function ExchangePanel({ exchange, session, onSelectStep }: { exchange: Exchange; session: FlowSession; onSelectStep(id: string): void }) {
  const [view, setView] = useState<'pretty' | 'raw'>('pretty');
  const outcome = outcomeText(exchange);
  const { request, response } = exchange;
  const stepInstance = session.steps.find((step) => step.id === exchange.stepId);
  const stepName = stepInstance ? stepTitle(stepInstance) : exchange.stepId;
  const resource = session.learned.resource;
  const jwts = useMemo(() => findJwts(exchange), [exchange]);
  return (
    <section data-testid="exchange-panel" className="space-y-3">
      <header className="space-y-1">
        <button type="button" className="text-xs text-sky-700 hover:underline" onClick={() => onSelectStep(exchange.stepId)}>
          ← Step: {stepName}
        </button>
        <h2 className="font-mono text-sm font-semibold break-words">{exchange.label}</h2>
        <div className="flex flex-wrap items-center gap-2 text-xs">
          <span className={`rounded px-2 py-0.5 font-semibold ${TONE[outcome.tone]}`} data-testid="exchange-outcome">
            {outcome.text}
          </span>
          <span className="text-slate-600">
            {LANE_TITLES[exchange.from]} → {LANE_TITLES[exchange.to]}
          </span>
          <span className="text-slate-600" data-testid="exchange-timing">
            {exchange.durationMs} ms · {clockTime(exchange.startedAt)}
          </span>
        </div>
        <div className="flex gap-2 pt-1">
          {exchange.outcome !== 'navigation' && <CopyButton text={toCurl(request)} label="Copy as cURL" />}
          <div className="ml-auto flex overflow-hidden rounded border border-slate-300 text-xs" role="group" aria-label="Body view">
            {(['pretty', 'raw'] as const).map((mode) => (
              <button
                key={mode}
                type="button"
                aria-pressed={view === mode}
                onClick={() => setView(mode)}
                className={`px-2 py-1 ${view === mode ? 'bg-slate-800 text-white' : 'bg-white text-slate-700 hover:bg-slate-100'}`}
              >
                {mode === 'pretty' ? 'Pretty' : 'Raw'}
              </button>
            ))}
          </div>
        </div>
      </header>

      {exchange.error && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-2 text-sm text-red-900" data-testid="exchange-error">
          {exchange.error}
        </p>
      )}

      <div className="space-y-1">
        <h3 className="text-xs font-bold tracking-wide text-slate-500 uppercase">Request</h3>
        <pre className="font-mono text-xs [overflow-wrap:anywhere] whitespace-pre-wrap" data-testid="request-line">
          {request.method} {request.url}
        </pre>
        {exchange.outcome === 'navigation' ? (
          <QueryParameters url={request.url} />
        ) : (
          <>
            <HeadersTable headers={request.headers} testId="request-headers" />
            {request.body !== undefined && (
              <BodyView body={request.body} contentType={headerValue(request.headers, 'content-type')} view={view} testId="request-body" />
            )}
          </>
        )}
      </div>

      <div className="space-y-1">
        <h3 className="text-xs font-bold tracking-wide text-slate-500 uppercase">Response</h3>
        {response ? (
          <>
            <pre className="font-mono text-xs" data-testid="response-status">
              HTTP {response.status} {response.statusText}
              {response.redirected ? `  (after a redirect, final URL ${response.finalUrl})` : ''}
            </pre>
            <HeadersTable headers={response.headers} testId="response-headers" />
            <HiddenHeadersNote exchange={exchange} />
            <BodyView
              body={response.body}
              contentType={headerValue(response.headers, 'content-type')}
              view={view}
              testId="response-body"
              truncatedNote={recordedBodyNote(response)}
            />
          </>
        ) : (
          <p className="text-xs text-slate-600">
            {exchange.outcome === 'navigation'
              ? 'A navigation in the login window: the app sees only where the browser was sent, not the pages in between.'
              : 'No response reached the app.'}
          </p>
        )}
      </div>

      {jwts.slice(0, MAX_JWT_VIEWS).map(({ token, where }) => (
        <JwtView key={token} token={token} where={where} {...(resource ? { resource } : {})} />
      ))}
      {jwts.length > MAX_JWT_VIEWS && (
        <p className="text-xs text-slate-600" data-testid="jwt-views-cut">
          {jwts.length - MAX_JWT_VIEWS} more JWT-shaped strings in this exchange are not decoded here.
        </p>
      )}
    </section>
  );
}

/** A real exchange carries a handful of tokens; a body can be made of thousands, each a decoded card. */
const MAX_JWT_VIEWS = 10;

/** The local time of a start time; a number no Date can hold (from a file) shows as is instead of throwing. */
function clockTime(epochMs: number): string {
  const date = new Date(epochMs);
  return Number.isNaN(date.getTime()) ? String(epochMs) : date.toLocaleTimeString();
}

function QueryParameters({ url }: { url: string }) {
  const params = queryParameters(url);
  if (!params.length) return null;
  return <HeadersTable headers={params} testId="query-parameters" />;
}

/** The query of a URL as name and value pairs; none for text that is not a URL. */
function queryParameters(url: string): Array<[string, string]> {
  try {
    return [...new URL(url).searchParams];
  } catch {
    return [];
  }
}

/** In a browser, a cross-origin response shows only safelisted and exposed headers. */
function HiddenHeadersNote({ exchange }: { exchange: Exchange }) {
  const hidden = exchange.hiddenHeaders ?? [];
  if (exchange.response?.responseType !== 'cors' && !hidden.length) return null;
  return (
    <div className="rounded-md border border-amber-300 bg-amber-50 p-2 text-xs text-amber-950" data-testid="hidden-headers-note">
      {hidden.length > 0 && (
        <p className="font-semibold">
          Hidden from the app: {hidden.join(', ')}. The browser hides a response header unless the server lists it in Access-Control-Expose-Headers; it may also
          simply not have been sent.
        </p>
      )}
      <p>
        Cross-origin response: the browser showed the app only CORS-safelisted headers and those the server exposed. Other headers the server sent are hidden,
        not absent.
      </p>
    </div>
  );
}
