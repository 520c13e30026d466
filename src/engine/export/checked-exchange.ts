import type { Exchange } from '../model/exchange.ts';
import type { ImportNotices } from './import-notices.ts';

/** The start time of an exchange: a Date can hold ±8.64e15 ms (ECMA-262 §21.4.1.1); past that, views that print it throw. */
const MAX_TIME_MS = 8.64e15;

/**
 * An imported exchange whose parts agree with each other, as the views expect of a recorded one:
 * an outcome of "response" comes with a response, and the start time is a time a Date can hold.
 * A file that breaks this is repaired and the repair is noted, rather than the file refused.
 */
export function checkedExchange(exchange: Exchange, where: string, notices: ImportNotices): Exchange {
  let checked = exchange;
  if (checked.outcome === 'response' && !checked.response) {
    notices.repaired(`${where} says a response arrived but holds none; it is shown as an exchange without a response.`);
    checked = { ...checked, outcome: 'network-error', error: checked.error ?? 'The imported file holds no response for this exchange.' };
  }
  if (Math.abs(checked.startedAt) > MAX_TIME_MS) {
    notices.repaired(`${where} has a start time no date can hold; it is shown as 0 (1970-01-01).`);
    checked = { ...checked, startedAt: 0 };
  }
  return checked;
}
