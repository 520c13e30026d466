import type { Exchange } from '../../engine/model/exchange.ts';

/**
 * What the relay panel shows for an exchange:
 * - report: the relay answered; show the three columns;
 * - blocked / hidden: the browser blocked it or hid a header; offer "Ask the relay why";
 * - check: any other fetch; the relay can still check its CORS, on request;
 * - none: a navigation, an unusable URL, or an exchange the relay itself sent.
 */
export type RelayPanelMode = 'report' | 'blocked' | 'hidden' | 'check' | 'none';

export function relayPanelMode(exchange: Exchange): RelayPanelMode {
  if (exchange.relay) return 'report';
  if (exchange.relayed || exchange.outcome === 'navigation' || exchange.outcome === 'invalid-url') return 'none';
  if (exchange.outcome === 'blocked') return 'blocked';
  if (exchange.hiddenHeaders?.length && exchange.response?.responseType === 'cors') return 'hidden';
  return 'check';
}
