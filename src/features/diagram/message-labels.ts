import type { Exchange, RecordedResponse } from '../../engine/model/exchange.ts';
import type { MessageTone } from './diagram-nodes.ts';
import { LANE_TITLES } from '../../ui/lanes.ts';

// HTTP/2 responses carry no reason phrase, so statusText is often empty; these fill the gap.
const REASON_PHRASES: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  304: 'Not Modified',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function responseLabel(response: RecordedResponse): string {
  const phrase = response.statusText || REASON_PHRASES[response.status] || '';
  return `${response.status} ${phrase}`.trim();
}

export function responseTone(status: number): MessageTone {
  if (status >= 500) return 'server-error';
  if (status >= 400) return 'client-error';
  if (status >= 300) return 'redirect';
  return 'success';
}

type FailedOutcome = 'blocked' | 'network-error' | 'timeout' | 'invalid-url';

export function isFailedOutcome(outcome: Exchange['outcome']): outcome is FailedOutcome {
  return outcome === 'blocked' || outcome === 'network-error' || outcome === 'timeout' || outcome === 'invalid-url';
}

const FAILURE_LABELS: Record<FailedOutcome, string> = {
  blocked: '✕ blocked by the browser (CORS?)',
  'network-error': '✕ network error',
  timeout: '✕ timeout',
  'invalid-url': '✕ invalid URL',
};

export function failureLabel(outcome: FailedOutcome): string {
  return FAILURE_LABELS[outcome];
}

export function requestAriaLabel(exchange: Exchange): string {
  const kind = exchange.outcome === 'navigation' ? 'Browser navigation' : 'Request';
  return `${kind} ${exchange.label} from ${LANE_TITLES[exchange.from]} to ${LANE_TITLES[exchange.to]}`;
}

export function responseAriaLabel(exchange: Exchange, label: string): string {
  return `Response ${label} from ${LANE_TITLES[exchange.to]} to ${LANE_TITLES[exchange.from]}`;
}

export function failureAriaLabel(exchange: Exchange, label: string): string {
  return `No response to ${exchange.label}: ${label.replace(/^✕\s*/, '')}`;
}

/** The words of an arrow's badges (MessageNode draws them; the layout measures them). */
export const BADGE_TEXT = { hidden: 'hidden headers', sent: 'via relay', explained: 'relay explained' } as const;

/** A generous average glyph width of the sans-serif face, in em: estimates err towards an extra line. */
const GLYPH_EM = 0.6;
const LABEL_EM = 1.05;
const BADGE_EM = 0.8;
/** A badge's border, padding and the gap before it, in em of the diagram font. */
const BADGE_CHROME_EM = 1.2;
export const MAX_LABEL_LINES = 3;

/**
 * How many lines a reply's label and badges need in an arrow `widthPx` wide (diagram units at the
 * diagram's `fontPx`). A status label wraps rather than being cut, so its row grows to fit.
 */
export function replyLabelLines(label: string, badges: readonly string[], widthPx: number, fontPx: number): number {
  const labelPx = label.length * GLYPH_EM * LABEL_EM * fontPx;
  const badgesPx = badges.reduce((sum, badge) => sum + (badge.length * GLYPH_EM * BADGE_EM + BADGE_CHROME_EM) * fontPx, 0);
  const available = Math.max(1, widthPx - 8);
  return Math.min(MAX_LABEL_LINES, Math.max(1, Math.ceil((labelPx + badgesPx) / available)));
}
