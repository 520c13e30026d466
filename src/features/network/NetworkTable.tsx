import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Lane } from '../../engine/model/exchange.ts';
import type { FlowSession } from '../../engine/model/session.ts';
import { LANE_TITLES } from '../../ui/lanes.ts';
import type { Selection } from '../../ui/selection.ts';
import { SEVERITY_STYLE } from '../../ui/status.ts';
import { networkRows, type NetworkRow, type StatusClass } from './network-rows.ts';
import { NO_FILTER, TIME_ORDER, rowWindow, visibleRows, type NetworkFilter, type NetworkSort, type SortKey } from './network-view.ts';

interface Props {
  session: FlowSession;
  selection: Selection;
  /** Selects a row's exchange: the diagram highlights and reveals its arrow; the table stays open. */
  onHighlight(selection: Selection): void;
  /** Enter or a double click: the exchange opens in the Step & HTTP tab. */
  onOpen(selection: Selection): void;
}

/** Fixed in CSS pixels: the virtual window is computed from it, so rows never change height. */
const ROW_PX = 30;

const COLUMNS: Array<{ key: SortKey; label: string; wide?: boolean; numeric?: boolean }> = [
  { key: 'step', label: 'Step', numeric: true },
  { key: 'method', label: 'Method' },
  { key: 'path', label: 'URL' },
  { key: 'status', label: 'Status', numeric: true },
  { key: 'durationMs', label: 'Time', wide: true, numeric: true },
  { key: 'size', label: 'Size', wide: true, numeric: true },
  { key: 'findings', label: 'Findings', numeric: true },
];

/** Narrow panels (a phone, a small side panel) drop Time and Size rather than scroll sideways. */
const GRID = 'grid grid-cols-[2.25rem_3.75rem_minmax(0,1fr)_3.5rem_4rem] @md:grid-cols-[2.5rem_3.75rem_minmax(0,1fr)_3.5rem_4.5rem_4.5rem_4rem]';

const STATUS_CLASSES: Array<{ value: StatusClass | 'all'; label: string }> = [
  { value: 'all', label: 'All statuses' },
  { value: '2xx', label: '2xx' },
  { value: '3xx', label: '3xx' },
  { value: '4xx', label: '4xx' },
  { value: '5xx', label: '5xx' },
  { value: 'failed', label: 'No response' },
  { value: 'navigation', label: 'Browser navigation' },
];

const LANES: Lane[] = ['mcp', 'as', 'user'];

const formatSize = (bytes: number) => (bytes < 0 ? '—' : bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} kB`);
const formatTime = (ms: number) => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`);

function statusTone(row: NetworkRow): string {
  if (row.statusClass === 'failed' || row.statusClass === '5xx') return 'text-red-800 font-semibold';
  if (row.statusClass === '4xx') return 'text-amber-900 font-semibold';
  return 'text-slate-800';
}

/**
 * The auth flow as DevTools' Network panel shows it: one row per exchange, sortable, filterable,
 * selected together with the diagram's arrow. Only the rows in view are in the DOM (a virtual
 * window over a fixed row height), so a trace of 1,000 exchanges renders about 40 rows.
 */
export function NetworkTable({ session, selection, onHighlight, onOpen }: Props) {
  const rows = useMemo(() => networkRows(session), [session]);
  const [filter, setFilter] = useState<NetworkFilter>(NO_FILTER);
  const [sort, setSort] = useState<NetworkSort>(TIME_ORDER);
  const shown = useMemo(() => visibleRows(rows, filter, sort), [rows, filter, sort]);
  const scroller = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 600 });
  const selectedId = selection?.kind === 'exchange' ? selection.id : undefined;
  const selectedIndex = selectedId ? shown.findIndex((row) => row.id === selectedId) : -1;
  const { start, end } = rowWindow(shown.length, ROW_PX, view.top, view.height);

  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const measure = () => setView({ top: element.scrollTop, height: element.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // The diagram (or the keyboard) selected an exchange: bring its row into view.
  useEffect(() => {
    const element = scroller.current;
    if (!element || selectedIndex < 0) return;
    const top = selectedIndex * ROW_PX;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + ROW_PX > element.scrollTop + element.clientHeight) element.scrollTop = top + ROW_PX - element.clientHeight;
  }, [selectedIndex]);

  /** The keyboard moved the selection: focus follows once the row is in the rendered window (it may be far away). */
  const focusPending = useRef(false);
  useEffect(() => {
    if (!focusPending.current) return;
    const row = scroller.current?.querySelector<HTMLElement>('[aria-selected="true"]');
    if (!row) return;
    focusPending.current = false;
    row.focus();
  }, [selectedIndex, start, end]);

  const moveTo = (index: number) => {
    const row = shown[Math.max(0, Math.min(shown.length - 1, index))];
    if (!row) return;
    focusPending.current = true;
    onHighlight({ kind: 'exchange', id: row.id });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor(view.height / ROW_PX) - 1);
    const from = selectedIndex < 0 ? -1 : selectedIndex;
    const moves: Record<string, number> = {
      ArrowDown: from + 1,
      ArrowUp: from - 1,
      PageDown: from + page,
      PageUp: from - page,
      Home: 0,
      End: shown.length - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      moveTo(moves[event.key] ?? 0);
    } else if (event.key === 'Enter' && selectedId) {
      event.preventDefault();
      onOpen({ kind: 'exchange', id: selectedId });
    }
  };

  const toggleSort = (key: SortKey) =>
    setSort((current) => (current.key === key ? (current.descending ? TIME_ORDER : { key, descending: true }) : { key, descending: false }));

  return (
    <section aria-labelledby="network-heading" data-testid="network-table" className="@container flex flex-col gap-2">
      <h2 id="network-heading" className="text-sm font-bold text-slate-700">
        Network{' '}
        <span className="font-normal text-slate-600" data-testid="network-count">
          {shown.length === rows.length ? '' : `${shown.length} of `}
          {rows.length} exchange{rows.length === 1 ? '' : 's'}
        </span>
      </h2>
      <div className="flex flex-wrap items-center gap-2 text-xs">
        <input
          type="search"
          aria-label="Filter exchanges by text"
          placeholder="Filter: /token, 401, POST…"
          value={filter.text}
          onChange={(event) => setFilter({ ...filter, text: event.target.value })}
          className="min-w-0 flex-1 basis-40 rounded border border-slate-300 px-2 py-1"
        />
        <select
          aria-label="Status class"
          value={filter.statusClass}
          onChange={(event) => setFilter({ ...filter, statusClass: event.target.value as NetworkFilter['statusClass'] })}
          className="rounded border border-slate-300 px-1 py-1"
        >
          {STATUS_CLASSES.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        <select
          aria-label="Lane"
          value={filter.lane}
          onChange={(event) => setFilter({ ...filter, lane: event.target.value as NetworkFilter['lane'] })}
          className="rounded border border-slate-300 px-1 py-1"
        >
          <option value="all">All lanes</option>
          {LANES.map((lane) => (
            <option key={lane} value={lane}>
              {LANE_TITLES[lane]}
            </option>
          ))}
        </select>
        <label className="flex items-center gap-1">
          <input type="checkbox" checked={filter.withFindings} onChange={(event) => setFilter({ ...filter, withFindings: event.target.checked })} />
          Has findings
        </label>
      </div>
      <div role="grid" aria-label="Exchanges" aria-rowcount={shown.length + 1} aria-multiselectable={false} onKeyDown={onKeyDown} className="text-xs">
        <div role="rowgroup">
          <div role="row" aria-rowindex={1} className={`${GRID} border-b border-slate-300 font-semibold text-slate-700`}>
            {COLUMNS.map((column) => (
              <div
                key={column.key}
                role="columnheader"
                aria-sort={sort.key === column.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}
                className={column.wide ? 'hidden @md:block' : ''}
              >
                <button
                  type="button"
                  onClick={() => toggleSort(column.key)}
                  className={`w-full px-1 py-1 hover:bg-slate-100 ${column.numeric ? 'text-right' : 'text-left'}`}
                  data-testid={`sort-${column.key}`}
                >
                  {column.label}
                  {sort.key === column.key ? (sort.descending ? ' ▼' : ' ▲') : ''}
                </button>
              </div>
            ))}
          </div>
        </div>
        <div
          ref={scroller}
          role="rowgroup"
          onScroll={(event) => setView({ top: event.currentTarget.scrollTop, height: event.currentTarget.clientHeight })}
          className="max-h-[60vh] overflow-y-auto"
        >
          <div style={{ height: shown.length * ROW_PX, position: 'relative' }}>
            {shown.slice(start, end).map((row, offset) => {
              const index = start + offset;
              const selected = row.id === selectedId;
              return (
                <div
                  key={row.id}
                  role="row"
                  aria-rowindex={index + 2}
                  aria-selected={selected}
                  tabIndex={selected || (selectedIndex < 0 && index === 0) ? 0 : -1}
                  data-testid="network-row"
                  data-exchange-id={row.id}
                  onClick={() => onHighlight({ kind: 'exchange', id: row.id })}
                  onDoubleClick={() => onOpen({ kind: 'exchange', id: row.id })}
                  style={{ position: 'absolute', top: index * ROW_PX, height: ROW_PX, left: 0, right: 0 }}
                  className={`${GRID} cursor-pointer items-center border-b border-slate-100 focus:outline-2 focus:-outline-offset-2 focus:outline-sky-600 ${selected ? 'bg-sky-100' : 'hover:bg-slate-50'}`}
                >
                  <div role="gridcell" className="px-1 text-right tabular-nums">
                    {row.step}
                  </div>
                  <div role="gridcell" className="truncate px-1 font-mono">
                    {row.method}
                  </div>
                  <div role="gridcell" className="truncate px-1 font-mono" title={row.url}>
                    {row.path}
                  </div>
                  <div role="gridcell" className={`px-1 text-right tabular-nums ${statusTone(row)}`}>
                    {row.statusText}
                  </div>
                  <div role="gridcell" className="hidden px-1 text-right tabular-nums @md:block">
                    {formatTime(row.durationMs)}
                  </div>
                  <div role="gridcell" className="hidden px-1 text-right tabular-nums @md:block">
                    {formatSize(row.size)}
                  </div>
                  <div role="gridcell" className="px-1 text-right">
                    {row.worst ? (
                      <span className={`rounded border px-1 ${SEVERITY_STYLE[row.worst].className}`} title={`${row.findings} finding(s), worst: ${row.worst}`}>
                        {SEVERITY_STYLE[row.worst].icon} {row.findings}
                      </span>
                    ) : (
                      ''
                    )}
                  </div>
                </div>
              );
            })}
          </div>
        </div>
      </div>
      {rows.length > 0 && shown.length === 0 && <p className="text-sm text-slate-600">No exchange matches these filters.</p>}
      <p className="text-xs text-slate-600">Click a row to find its arrow in the diagram; Enter or a double click opens it. ↑ ↓ Home End move.</p>
    </section>
  );
}
