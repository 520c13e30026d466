import type { HeaderList } from '../../engine/model/header-list.ts';

/** Headers as the lines on the wire, one per line; server text is rendered as text. */
export function HeaderLines({ headers, highlight = [] }: { headers: HeaderList; highlight?: readonly string[] }) {
  if (!headers.length) return <p className="text-xs text-slate-500 italic">No headers.</p>;
  const marked = new Set(highlight.map((name) => name.toLowerCase()));
  return (
    <ul className="font-mono text-[11px] leading-snug [overflow-wrap:anywhere]">
      {headers.map(([name, value], index) => (
        <li
          key={`${name}-${index}`}
          className={marked.has(name.toLowerCase()) || name.toLowerCase().startsWith('access-control-') ? 'font-semibold text-slate-900' : 'text-slate-700'}
        >
          {name}: {value}
        </li>
      ))}
    </ul>
  );
}
