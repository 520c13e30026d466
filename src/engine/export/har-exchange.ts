import type { Exchange, RecordedResponse } from '../model/exchange.ts';
import type { HeaderList } from '../model/header-list.ts';
import { compact } from './compact.ts';
import { checkedExchange } from './checked-exchange.ts';
import { Fields, TraceError } from './fields.ts';
import { LANES, OUTCOMES } from './session-values.ts';

/** One entry of a HAR we wrote, back to the exchange it came from (the inverse of harEntry). */
export function readHarExchange(entry: Fields): Exchange {
  const request = entry.object('request');
  const response = entry.object('response');
  const lanes = entry.object('_lanes');
  const url = request.string('url');
  const postData = request.optionalObject('postData');
  const error = response.optionalString('_error');
  const read: Exchange = compact({
    id: entry.string('_exchangeId'),
    stepId: entry.string('_stepId'),
    from: lanes.oneOf('from', LANES),
    to: lanes.oneOf('to', LANES),
    label: entry.optionalString('_label') ?? `${request.string('method')} ${url}`,
    request: compact({ method: request.string('method'), url, headers: harHeaders(request), body: postData?.optionalBody('text')?.text }),
    response: entry.optionalBoolean('_noResponse') ? undefined : readResponse(response, url),
    outcome: entry.oneOf('_outcome', OUTCOMES),
    error,
    hiddenHeaders: entry.optionalStrings('_hiddenHeaders'),
    relayed: entry.optionalBoolean('_relayed') ? true : undefined,
    startedAt: startedAt(entry),
    durationMs: entry.number('time'),
  });
  return checkedExchange(read, entry.where, entry.notices);
}

function readResponse(response: Fields, requestUrl: string): RecordedResponse {
  const content = response.object('content');
  const body = content.optionalBody('text');
  return compact({
    status: response.number('status'),
    statusText: response.optionalString('statusText') ?? '',
    headers: harHeaders(response),
    body: body?.text ?? '',
    bodyBytes: content.number('size'),
    bodyTruncated: (response.optionalBoolean('_bodyTruncated') ?? false) || !!body?.cut,
    responseType: response.optionalString('_responseType'),
    finalUrl: response.optionalString('_finalUrl') ?? requestUrl,
    redirected: response.optionalBoolean('_redirected') ?? false,
  });
}

/** HAR headers, `[{ name, value }]`, as the recorder's pairs. */
export function harHeaders(message: Fields): HeaderList {
  if (!message.has('headers')) return [];
  return message.objects('headers', 'headersPerMessage').map((header) => [header.string('name'), header.string('value')]);
}

function startedAt(entry: Fields): number {
  const time = Date.parse(entry.string('startedDateTime'));
  if (Number.isNaN(time)) throw new TraceError(`${entry.path('startedDateTime')} is not a date.`);
  return time;
}
