import { useMutation } from '@tanstack/react-query';
import type { ChangeEvent } from 'react';
import type { ImportedTrace } from './imported-trace.ts';
import type { TraceFileResult } from './read-trace-file.ts';

interface Props {
  onImport(trace: ImportedTrace): void;
  onError(message: string): void;
}

/** Opens a HAR or a JSON report from disk and shows it with no network. */
export function ImportButton({ onImport, onError }: Props) {
  const read = useMutation({
    // The importer (HAR and report parsing, limits) loads on first use: most visits never import, and it keeps the first load small.
    mutationFn: async (file: File): Promise<TraceFileResult> => (await import('./read-trace-file.ts')).readTraceFile(file),
    onSuccess: (result) => ('error' in result ? onError(result.error) : onImport(result)),
    onError: () => onError('The file could not be read.'),
  });
  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    // Cleared so that choosing the same file again (after editing it) imports it again.
    event.currentTarget.value = '';
    if (file) read.mutate(file);
  };
  return (
    <label
      className={`inline-flex cursor-pointer items-center rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-semibold text-slate-700 hover:bg-slate-100 focus-within:ring-2 focus-within:ring-sky-300 ${read.isPending ? 'opacity-50' : ''}`}
    >
      {read.isPending ? 'Importing…' : 'Import HAR or report'}
      <input type="file" accept=".har,.json,application/json" data-testid="import-file" className="sr-only" disabled={read.isPending} onChange={choose} />
    </label>
  );
}
