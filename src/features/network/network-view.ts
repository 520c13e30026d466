import type { Lane } from '../../engine/model/exchange.ts';
import type { NetworkRow, StatusClass } from './network-rows.ts';

export type SortKey = 'order' | 'step' | 'method' | 'path' | 'status' | 'durationMs' | 'size' | 'findings';

export interface NetworkSort {
  key: SortKey;
  descending: boolean;
}

export interface NetworkFilter {
  /** Free text, matched case-insensitively against method, URL, status and label. */
  text: string;
  statusClass: StatusClass | 'all';
  lane: Lane | 'all';
  withFindings: boolean;
}

export const NO_FILTER: NetworkFilter = { text: '', statusClass: 'all', lane: 'all', withFindings: false };
export const TIME_ORDER: NetworkSort = { key: 'order', descending: false };

/** The rows the table shows: filtered, then sorted; ties keep time order, so the view is stable as rows arrive. */
export function visibleRows(rows: readonly NetworkRow[], filter: NetworkFilter, sort: NetworkSort): NetworkRow[] {
  const text = filter.text.trim().toLowerCase();
  const kept = rows.filter(
    (row) =>
      (!text || row.haystack.includes(text)) &&
      (filter.statusClass === 'all' || row.statusClass === filter.statusClass) &&
      (filter.lane === 'all' || row.lane === filter.lane) &&
      (!filter.withFindings || row.findings > 0),
  );
  if (sort.key === 'order' && !sort.descending) return kept;
  const direction = sort.descending ? -1 : 1;
  const key = sort.key;
  return kept.sort((a, b) => {
    const left = a[key];
    const right = b[key];
    const compared = typeof left === 'number' && typeof right === 'number' ? left - right : String(left).localeCompare(String(right));
    return compared * direction || a.order - b.order;
  });
}

/** Which rows of a virtualised list to render: the ones in view, plus a few either side so a fast scroll never shows a gap. */
export function rowWindow(count: number, rowHeight: number, scrollTop: number, viewHeight: number, overscan = 8): { start: number; end: number } {
  const first = Math.min(Math.floor(Math.max(0, scrollTop) / rowHeight), Math.max(0, count - 1));
  const inView = Math.ceil(Math.max(viewHeight, rowHeight) / rowHeight) + 1;
  return { start: Math.max(0, first - overscan), end: Math.min(count, first + inView + overscan) };
}
