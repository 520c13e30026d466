import type { RecordedResponse } from '../../engine/model/exchange.ts';
import { PARSE_LIMIT_TEXT } from '../../engine/http/read-body.ts';

const count = (bytes: number) => bytes.toLocaleString('en-US');

/**
 * What the recording holds of a body, when it is not all of it (issue 9 §2.5). The recorder keeps a
 * copy cut for display while the checks read the whole body up to the parse limit; when reading
 * itself stopped at a limit, nothing saw the rest. Undefined when the whole body was kept.
 */
export function recordedBodyNote(response: RecordedResponse): string | undefined {
  if (!response.bodyTruncated && response.bodyReadLimit === undefined) return undefined;
  const kept = count(new TextEncoder().encode(response.body).length);
  if (response.bodyReadLimit !== undefined) {
    return (
      `Cut while it was read: reading stopped at the ${count(response.bodyReadLimit)}-byte limit after ${count(response.bodyBytes)} bytes, ` +
      `so no check saw the rest; the recording keeps the first ${kept} bytes.`
    );
  }
  return (
    `Cut when recorded: the recording keeps the first ${kept} bytes of this ${count(response.bodyBytes)}-byte body for display. ` +
    `A live run's checks read the whole body (up to ${PARSE_LIMIT_TEXT}).`
  );
}
