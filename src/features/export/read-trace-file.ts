import { MAX_IMPORT_BYTES, MAX_IMPORT_LABEL } from '../../engine/export/import-limits.ts';
import { importTrace, type ImportResult } from '../../engine/export/import-trace.ts';

/** Reads a chosen .har or .json file and imports it; the size is checked before a byte is read. */
export async function readTraceFile(file: Pick<File, 'name' | 'size' | 'text'>): Promise<ImportResult> {
  if (file.size > MAX_IMPORT_BYTES) {
    return { error: `${file.name} is ${(file.size / (1024 * 1024)).toFixed(1)} MB; files up to ${MAX_IMPORT_LABEL} can be imported.` };
  }
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { error: `${file.name} could not be read.` };
  }
  return importTrace(text);
}
