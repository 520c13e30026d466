import { useRef, type KeyboardEvent, type ReactNode } from 'react';

export type SideTab = 'inspector' | 'findings' | 'network' | 'tools';

interface Props {
  tab: SideTab;
  onTab(tab: SideTab): void;
  findingCount: number;
  errorCount: number;
  exchangeCount: number;
  toolCount?: number;
  children: ReactNode;
}

/** The id of a side tab's button: the skip link and the tab panel point at it. */
export const sideTabId = (tab: SideTab) => `side-tab-${tab}`;
export const SIDE_PANEL_ID = 'side-tabpanel';

/**
 * The right-hand column: the selected step or exchange, the findings, the network table, the tools.
 * The tabs follow the WAI-ARIA tabs pattern (https://www.w3.org/WAI/ARIA/apg/patterns/tabs/): one tab
 * stop (roving tabindex), ← → move and activate, Home/End jump to the first and last tab.
 */
export function SidePanel({ tab, onTab, findingCount, errorCount, exchangeCount, toolCount, children }: Props) {
  const list = useRef<HTMLDivElement>(null);
  const tabs: Array<{ id: SideTab; label: ReactNode; hidden?: boolean }> = [
    { id: 'inspector', label: 'Step & HTTP' },
    {
      id: 'findings',
      label: (
        <>
          Findings{' '}
          <span
            className={`rounded-full px-1.5 text-xs ${errorCount ? 'bg-red-700 text-white' : findingCount ? 'bg-amber-200 text-amber-950' : 'bg-slate-200 text-slate-700'}`}
          >
            {findingCount}
          </span>
        </>
      ),
    },
    {
      id: 'network',
      label: (
        <>
          Network <span className="rounded-full bg-slate-200 px-1.5 text-xs text-slate-700">{exchangeCount}</span>
        </>
      ),
    },
    {
      id: 'tools',
      label: (
        <>
          Tools <span className="rounded-full bg-emerald-200 px-1.5 text-xs text-emerald-950">{toolCount ?? 0}</span>
        </>
      ),
      hidden: toolCount === undefined,
    },
  ];
  const shown = tabs.filter((entry) => !entry.hidden);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = shown.findIndex((entry) => entry.id === tab);
    const target =
      event.key === 'ArrowRight'
        ? shown[(index + 1) % shown.length]
        : event.key === 'ArrowLeft'
          ? shown[(index - 1 + shown.length) % shown.length]
          : event.key === 'Home'
            ? shown[0]
            : event.key === 'End'
              ? shown.at(-1)
              : undefined;
    if (!target) return;
    event.preventDefault();
    onTab(target.id);
    list.current?.querySelector<HTMLElement>(`#${sideTabId(target.id)}`)?.focus();
  };

  return (
    <aside className="flex min-h-[70vh] min-w-0 flex-col bg-white lg:min-h-0" aria-label="Details">
      <div ref={list} role="tablist" aria-label="Details" onKeyDown={onKeyDown} className="flex flex-wrap gap-1 border-b border-slate-200 px-3 pt-2">
        {shown.map((entry) => (
          <button
            key={entry.id}
            id={sideTabId(entry.id)}
            type="button"
            role="tab"
            aria-selected={tab === entry.id}
            aria-controls={SIDE_PANEL_ID}
            tabIndex={tab === entry.id ? 0 : -1}
            onClick={() => onTab(entry.id)}
            className={`rounded-t-md border border-b-0 px-2 py-1.5 text-sm font-semibold ${tab === entry.id ? 'border-slate-300 bg-white text-slate-900' : 'border-transparent text-slate-600 hover:text-slate-800'}`}
          >
            {entry.label}
          </button>
        ))}
      </div>
      <div id={SIDE_PANEL_ID} role="tabpanel" aria-labelledby={sideTabId(tab)} tabIndex={0} className="min-h-0 flex-1 overflow-auto p-4">
        {children}
      </div>
    </aside>
  );
}
