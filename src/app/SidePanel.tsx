import type { ReactNode } from 'react';

export type SideTab = 'inspector' | 'findings' | 'tools';

interface Props {
  tab: SideTab;
  onTab(tab: SideTab): void;
  findingCount: number;
  errorCount: number;
  toolCount?: number;
  children: ReactNode;
}

/** The right-hand column: one tab for the selected step or exchange, one for findings, one for tools. */
export function SidePanel({ tab, onTab, findingCount, errorCount, toolCount, children }: Props) {
  const tabs: Array<{ id: SideTab; label: ReactNode; hidden?: boolean }> = [
    { id: 'inspector', label: 'Step & HTTP' },
    {
      id: 'findings',
      label: (
        <>
          Findings{' '}
          <span
            className={`rounded-full px-1.5 text-xs ${errorCount ? 'bg-red-600 text-white' : findingCount ? 'bg-amber-200 text-amber-950' : 'bg-slate-200 text-slate-700'}`}
          >
            {findingCount}
          </span>
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
  return (
    <aside className="flex min-h-0 flex-col bg-white" aria-label="Details">
      <div role="tablist" aria-label="Details" className="flex gap-1 border-b border-slate-200 px-3 pt-2">
        {tabs
          .filter((entry) => !entry.hidden)
          .map((entry) => (
            <button
              key={entry.id}
              type="button"
              role="tab"
              aria-selected={tab === entry.id}
              onClick={() => onTab(entry.id)}
              className={`rounded-t-md border border-b-0 px-3 py-1.5 text-sm font-semibold ${tab === entry.id ? 'border-slate-300 bg-white text-slate-900' : 'border-transparent text-slate-500 hover:text-slate-800'}`}
            >
              {entry.label}
            </button>
          ))}
      </div>
      <div role="tabpanel" className="min-h-0 flex-1 overflow-auto p-4">
        {children}
      </div>
    </aside>
  );
}
