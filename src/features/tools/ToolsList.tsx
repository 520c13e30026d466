import type { ToolSummary } from '../../engine/session/types.ts';

/** The tools the authenticated server listed: proof that the whole flow worked. */
export function ToolsList({ tools }: { tools: ToolSummary[] }) {
  return (
    <section data-testid="tools-list" className="rounded-md border border-emerald-300 bg-emerald-50 p-3">
      <h2 className="text-sm font-bold text-emerald-900">✓ Authenticated: the server lists {tools.length} tool{tools.length === 1 ? '' : 's'}</h2>
      <ul className="mt-2 space-y-1 text-sm">
        {tools.map((tool) => (
          <li key={tool.name} data-testid="tool">
            <code className="font-semibold">{tool.name}</code>
            {tool.description && <span className="text-slate-700"> — {tool.description}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
