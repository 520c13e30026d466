import type { Exchange, Lane } from '../model/exchange.ts';

/**
 * A browser navigation we started or saw (the authorize popup, the redirect back), which no fetch
 * can observe: recorded from the URLs alone.
 */
export function navigationExchange(id: string, stepId: string, from: Lane, to: Lane, url: string, startedAt: number): Exchange {
  return {
    id,
    stepId,
    from,
    to,
    label: navigationLabel(url),
    request: { method: 'GET', url, headers: [] },
    outcome: 'navigation',
    startedAt,
    durationMs: Date.now() - startedAt,
  };
}

function navigationLabel(url: string): string {
  try {
    return `GET ${new URL(url).pathname} (browser navigation)`;
  } catch {
    return 'browser navigation';
  }
}
