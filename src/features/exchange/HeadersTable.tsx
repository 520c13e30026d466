import type { HeaderList } from '../../engine/model/header-list.ts';

export function HeadersTable({ headers, testId }: { headers: HeaderList; testId: string }) {
  if (!headers.length) return <p className="text-xs italic text-slate-500">No headers.</p>;
  return (
    <table className="w-full table-fixed border-collapse font-mono text-xs" data-testid={testId}>
      <tbody>
        {headers.map(([name, value], index) => (
          <tr key={`${name}-${index}`} className="border-b border-slate-100 align-top">
            <th scope="row" className="w-[34%] py-0.5 pr-2 text-left font-semibold break-words text-slate-700">
              {name}
            </th>
            <td className="py-0.5 [overflow-wrap:anywhere] whitespace-pre-wrap text-slate-900">{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
