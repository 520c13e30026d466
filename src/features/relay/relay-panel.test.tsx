import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { readFileSync } from 'node:fs';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { RelayAnswer } from '../../engine/relay/contract.ts';
import { RELAY_NOT_RUNNING, RelayError } from '../../engine/relay/relay-error.ts';
import { buildRelayReport } from '../../engine/relay/relay-report.ts';
import type { Exchange, RecordedRequest } from '../../engine/model/exchange.ts';
import { RelayPanel } from './RelayPanel.tsx';
import { relayErrorText } from './relay-error-text.ts';
import { relayPanelMode } from './relay-panel-mode.ts';

/** The relay's recorded answer for the demo's challenge-not-exposed scenario (src/engine/cors/test-fixtures). */
const recording = JSON.parse(readFileSync(new URL('../../engine/cors/test-fixtures/demo-challenge-not-exposed.json', import.meta.url), 'utf8')) as {
  request: RecordedRequest;
  answer: RelayAnswer;
};

const hiddenExchange: Exchange = {
  id: 'x1',
  stepId: 'mcp-unauthenticated',
  from: 'client',
  to: 'mcp',
  label: 'POST /mcp server/discover',
  request: recording.request,
  response: {
    status: 401,
    statusText: 'Unauthorized',
    headers: [['content-type', 'application/json; charset=utf-8']],
    body: '{}',
    bodyBytes: 2,
    bodyTruncated: false,
    responseType: 'cors',
    finalUrl: recording.request.url,
    redirected: false,
  },
  hiddenHeaders: ['WWW-Authenticate'],
  outcome: 'response',
  startedAt: 0,
  durationMs: 5,
};

const render = (node: React.ReactNode) => renderToStaticMarkup(<QueryClientProvider client={new QueryClient()}>{node}</QueryClientProvider>);
const ask = () => Promise.resolve();

describe('RelayPanel', () => {
  it('offers "Ask the relay why" for a hidden header, and how to get a relay when there is none', () => {
    const html = render(<RelayPanel exchange={hiddenExchange} onAsk={ask} relayAvailable={false} />);
    expect(html).toContain('data-testid="ask-relay"');
    expect(html).toContain('Ask the relay why');
    expect(html).toContain('disabled=""');
    expect(html).toContain('To pair one, run npx mcp-auth-flow relay --allow-origin');
  });

  it('shows the three columns and one verdict per rule, with the header line, server text as text', () => {
    const report = buildRelayReport({
      request: recording.request,
      appOrigin: 'http://localhost:5173',
      preflightRequest: { method: 'POST', headers: ['content-type', 'mcp-method', 'mcp-protocol-version'] },
      answer: recording.answer,
      neededExposed: ['WWW-Authenticate'],
    });
    // Server-controlled text that must never become markup.
    const response = report.response as Extract<typeof report.response, { status: number }>;
    response.headers.push(['x-note', '<img src=x onerror=alert(1)>']);
    const html = render(<RelayPanel exchange={{ ...hiddenExchange, relay: report }} onAsk={ask} relayAvailable />);
    expect(html).toContain('data-testid="relay-panel"');
    expect(html).toContain('What the browser saw');
    expect(html).toContain('data-testid="relay-server-response"');
    expect(html.match(/data-testid="relay-verdict"/g)).toHaveLength(1);
    expect(html).toContain('data-rule-id="cors.header-not-exposed"');
    expect(html).toContain('Access-Control-Expose-Headers: Mcp-Session-Id, WWW-Authenticate');
    expect(html).toContain(`OPTIONS ${recording.request.url}`);
    expect(html).toContain('Access-Control-Request-Headers: content-type,mcp-method,mcp-protocol-version');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('shows nothing for a navigation', () => {
    expect(render(<RelayPanel exchange={{ ...hiddenExchange, outcome: 'navigation' }} onAsk={ask} relayAvailable />)).toBe('');
  });
});

describe('relayPanelMode', () => {
  it('tells blocked, hidden, checkable and relayed exchanges apart', () => {
    expect(relayPanelMode(hiddenExchange)).toBe('hidden');
    expect(relayPanelMode({ ...hiddenExchange, outcome: 'blocked' })).toBe('blocked');
    expect(relayPanelMode({ ...hiddenExchange, hiddenHeaders: [] })).toBe('check');
    expect(relayPanelMode({ ...hiddenExchange, relayed: true })).toBe('none');
    expect(relayPanelMode({ ...hiddenExchange, outcome: 'invalid-url' })).toBe('none');
  });
});

describe('relayErrorText', () => {
  it('passes the engine’s words through, and falls back to how to start the relay', () => {
    expect(relayErrorText(new RelayError('secret', 'Reload the app.'))).toBe('Reload the app.');
    expect(relayErrorText('odd')).toBe(RELAY_NOT_RUNNING);
  });

  it('on an https page, explains Chrome’s local network prompt when the relay could not be reached', () => {
    const unreachable = new RelayError('unavailable', 'Nothing answered at http://127.0.0.1:5299.');
    expect(relayErrorText(unreachable, true)).toContain('allow this site to access devices on your local network');
    expect(relayErrorText(unreachable, true)).toContain('set Local network access to Allow');
    // A relay that answered (here: a new secret) was reached: no prompt to explain.
    expect(relayErrorText(new RelayError('secret', 'Reload the app.'), true)).toBe('Reload the app.');
    expect(relayErrorText(unreachable, false)).toBe('Nothing answered at http://127.0.0.1:5299.');
  });
});
