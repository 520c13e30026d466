import type { Exchange, Lane } from '../model/exchange.ts';
import { parseJsonBody } from '../http/json-body.ts';
import { RecordedFetchError } from '../http/recorder.ts';
import { isRefusal, refusalDetail } from '../http/refusal.ts';
import type { StepContext } from './step-definition.ts';
import { responseHeader, latestExchange } from './latest-exchange.ts';
import { tooLargeDetail } from './too-large.ts';

export type DocumentFetch =
  | { kind: 'json'; exchange: Exchange; value: unknown }
  /** A response came but it is not a usable JSON document (status or body). */
  | { kind: 'unusable'; exchange: Exchange; reason: string; notJson?: true; refused?: true }
  /** No response reached us: blocked, unreachable, timed out. */
  | { kind: 'failed'; exchange: Exchange; reason: string };

/**
 * GETs a metadata document through the recorder. Used for every URL of a discovery try-order,
 * so the user sees each URL tried and why it was passed over.
 */
export async function fetchJsonDocument(ctx: StepContext, url: string, to: Lane, label?: string): Promise<DocumentFetch> {
  let whole: Response;
  try {
    whole = await ctx.fetch({ to, ...(label ? { label } : {}) })(url, { method: 'GET', headers: { Accept: 'application/json' } });
  } catch (error) {
    if (!(error instanceof RecordedFetchError)) throw error;
    return { kind: 'failed', exchange: error.exchange, reason: error.exchange.error ?? error.exchange.outcome };
  }
  const exchange = latestExchange(ctx);
  const response = exchange.response!;
  // fetch follows redirects without a word; metadata from another origin is another server's word.
  const movedTo = crossOriginDestination(url, response.redirected, response.finalUrl);
  if (movedTo) ctx.raise('metadata.cross-origin-redirect', `${url} was redirected to ${movedTo}, on another origin; the answer came from there.`, exchange.id);
  if (response.status !== 200) {
    const status = `HTTP ${response.status} ${response.statusText}`.trim();
    // Metadata is public: a 401 or 403 here is someone demanding credentials, and its challenge and page say who.
    if (isRefusal(response.status)) return { kind: 'unusable', exchange, reason: `${status} (${refusalDetail(response)})`, refused: true };
    return { kind: 'unusable', exchange, reason: status };
  }
  if (response.bodyReadLimit !== undefined) {
    // Cut JSON is not invalid JSON: say the document is too large to check, with both numbers.
    const detail = tooLargeDetail(response.bodyBytes, response.bodyReadLimit);
    ctx.raise('http.body-too-large', `${url}: ${detail}`, exchange.id);
    return { kind: 'unusable', exchange, reason: detail };
  }
  // The whole body (the recording keeps only a copy cut for display).
  const parsed = parseJsonBody(await whole.text(), responseHeader(exchange, 'content-type'));
  if (!parsed.ok) return { kind: 'unusable', exchange, reason: parsed.detail, notJson: true };
  return { kind: 'json', exchange, value: parsed.value };
}

/** Where a followed redirect ended, when that is on another origin than the URL asked for. */
function crossOriginDestination(asked: string, redirected: boolean | undefined, finalUrl: string | undefined): string | undefined {
  if (!redirected || !finalUrl) return undefined;
  try {
    return new URL(finalUrl).origin === new URL(asked).origin ? undefined : finalUrl;
  } catch {
    return undefined;
  }
}
