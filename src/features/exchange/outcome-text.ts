import type { Exchange } from '../../engine/model/exchange.ts';

/** One line on how an exchange ended, for the panel header. */
export function outcomeText(exchange: Exchange): { text: string; tone: 'ok' | 'warn' | 'bad' | 'neutral' } {
  switch (exchange.outcome) {
    case 'response': {
      // The recorder always pairs the two; a file may not (the importer repairs that, this view must not trust it).
      if (!exchange.response) return { text: 'Response (not recorded)', tone: 'neutral' };
      const { status, statusText } = exchange.response;
      const tone = status < 300 ? 'ok' : status < 400 ? 'neutral' : status === 401 || status === 403 ? 'warn' : 'bad';
      return { text: `${status} ${statusText}`.trim(), tone };
    }
    case 'blocked':
      return { text: 'Blocked by the browser (most likely CORS)', tone: 'bad' };
    case 'network-error':
      return { text: 'Could not connect', tone: 'bad' };
    case 'timeout':
      return { text: 'Timed out', tone: 'bad' };
    case 'invalid-url':
      return { text: 'Invalid URL', tone: 'bad' };
    case 'navigation':
      return { text: 'Browser navigation (no response visible to the app)', tone: 'neutral' };
  }
}
