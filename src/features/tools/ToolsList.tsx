import type { ToolCallResult } from '../../engine/flow/tool-call-flow.ts';
import type { ToolSummary } from '../../engine/model/session.ts';
import { ToolCard } from './ToolCard.tsx';

interface Props {
  tools: ToolSummary[];
  onCall(name: string, args: Record<string, unknown>): Promise<ToolCallResult>;
  onRefresh(): void;
  onAudit(): void;
  canRefresh: boolean;
  busy: boolean;
}

/** After the first success: the tools the server listed, and what a user can do next. */
export function ToolsList({ tools, onCall, onRefresh, onAudit, canRefresh, busy }: Props) {
  return (
    <section data-testid="tools-list" className="rounded-md border border-emerald-300 bg-emerald-50 p-3">
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="text-sm font-bold text-emerald-900">
          ✓ Authenticated: the server lists {tools.length} tool{tools.length === 1 ? '' : 's'}
        </h2>
        <div className="ml-auto flex gap-2">
          <button
            type="button"
            onClick={onRefresh}
            disabled={busy || !canRefresh}
            title={canRefresh ? 'Use the refresh token' : 'No refresh token was issued'}
            className="rounded-md border border-emerald-700 bg-white px-2 py-1 text-xs font-semibold text-emerald-900 hover:bg-emerald-100 disabled:opacity-50"
          >
            Refresh token
          </button>
          <button
            type="button"
            onClick={onAudit}
            disabled={busy}
            title="Send no token, a malformed token and a tampered token: each must get 401"
            className="rounded-md border border-emerald-700 bg-white px-2 py-1 text-xs font-semibold text-emerald-900 hover:bg-emerald-100 disabled:opacity-50"
          >
            Audit the server
          </button>
        </div>
      </div>
      <ul className="mt-2 space-y-2 text-sm">
        {tools.map((tool) => (
          <ToolCard key={tool.name} tool={tool} onCall={(args) => onCall(tool.name, args)} disabled={busy} />
        ))}
      </ul>
    </section>
  );
}
