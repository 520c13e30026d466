import type { Exchange, RecordedResponse } from '../model/exchange.ts';
import type { HeaderList } from '../model/header-list.ts';
import { compact } from './compact.ts';
import { checkedExchange } from './checked-exchange.ts';
import { Fields, TraceError } from './fields.ts';
import { LANES, OUTCOMES } from './session-values.ts';

/** One exchange of a JSON report, checked field by field. */
export function readReportExchange(exchange: Fields): Exchange {
  const request = exchange.object('request');
  const url = request.string('url');
  const read: Exchange = compact({
    id: exchange.string('id'),
    stepId: exchange.string('stepId'),
    from: exchange.optionalOneOf('from', LANES) ?? 'client',
    to: exchange.optionalOneOf('to', LANES) ?? 'mcp',
    label: exchange.optionalString('label') ?? `${request.string('method')} ${url}`,
    request: compact({ method: request.string('method'), url, headers: headerPairs(request, 'headers'), body: request.optionalBody('body')?.text }),
    response: readResponse(exchange.optionalObject('response'), url),
    outcome: exchange.oneOf('outcome', OUTCOMES),
    error: exchange.optionalString('error'),
    hiddenHeaders: exchange.optionalStrings('hiddenHeaders'),
    // Relay mode is part of what the trace means; the relay's own report is not imported.
    relayed: exchange.optionalBoolean('relayed') ? true : undefined,
    startedAt: exchange.optionalNumber('startedAt') ?? 0,
    durationMs: exchange.optionalNumber('durationMs') ?? 0,
  });
  return checkedExchange(read, exchange.where, exchange.notices);
}

function readResponse(response: Fields | undefined, requestUrl: string): RecordedResponse | undefined {
  if (!response) return undefined;
  const body = response.optionalBody('body');
  const text = body?.text ?? '';
  return compact({
    status: response.number('status'),
    statusText: response.optionalString('statusText') ?? '',
    headers: response.has('headers') ? headerPairs(response, 'headers') : [],
    body: text,
    bodyBytes: response.optionalNumber('bodyBytes') ?? text.length,
    bodyTruncated: (response.optionalBoolean('bodyTruncated') ?? false) || !!body?.cut,
    responseType: response.optionalString('responseType'),
    finalUrl: response.optionalString('finalUrl') ?? requestUrl,
    redirected: response.optionalBoolean('redirected') ?? false,
  });
}

function headerPairs(source: Fields, key: string): HeaderList {
  return source.list(key, 'headersPerMessage').map((pair, index) => {
    if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string' || typeof pair[1] !== 'string') {
      throw new TraceError(`${source.path(key)}[${index}] should be a [name, value] pair of text.`);
    }
    return [source.notices.text(pair[0]), source.notices.text(pair[1])];
  });
}
