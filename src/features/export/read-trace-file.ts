import { IMPORT_LIMITS, MAX_IMPORT_LABEL } from '../../engine/export/import-limits.ts';
import { importTrace, type ImportResult } from '../../engine/export/import-trace.ts';

/** An import with the name of the file it came from, for the notices that mention it. */
export type TraceFileResult = ImportResult & { fileName: string };

/** Reads a chosen .har or .json file and imports it; the size is checked before a byte is read. */
export async function readTraceFile(file: Pick<File, 'name' | 'size' | 'text'>): Promise<TraceFileResult> {
  const fileName = file.name;
  if (file.size > IMPORT_LIMITS.fileBytes) {
    return { fileName, error: `${fileName} is ${(file.size / (1024 * 1024)).toFixed(1)} MB; files up to ${MAX_IMPORT_LABEL} can be imported.` };
  }
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { fileName, error: `${fileName} could not be read.` };
  }
  return { fileName, ...importTrace(text) };
}
