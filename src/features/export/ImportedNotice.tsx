import type { ImportedTrace } from './imported-trace.ts';

const SOURCE_NAMES = { report: 'report', har: 'HAR', 'foreign-har': 'HAR from another tool' } as const;

/** Says that what is shown came from a file, and what the import cut to its limits or repaired. All file text is shown as text. */
export function ImportedNotice({ trace }: { trace: ImportedTrace }) {
  return (
    <div className="mt-2 space-y-1 text-sm text-slate-700">
      <p data-testid="imported-source">Showing an imported {SOURCE_NAMES[trace.source]}: nothing is sent. Run all or Next step starts a live run.</p>
      {trace.notices.length > 0 && (
        <ul className="rounded-md border border-amber-300 bg-amber-50 px-3 py-1.5 text-xs text-amber-950" data-testid="import-notices">
          {trace.notices.map((notice, index) => (
            <li key={index}>{notice}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
