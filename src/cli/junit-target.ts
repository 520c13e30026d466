import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * Why the --junit file cannot be written, or null when it can. Checked before the run, so a typo in
 * a CI job's path is bad usage (exit 2) at once, not a write error after a whole flow and a login,
 * which would also blur the exit code that says whether the server is healthy.
 */
export async function junitTargetProblem(path: string): Promise<string | null> {
  const target = await stat(path).catch((error: NodeJS.ErrnoException) => error);
  if (!(target instanceof Error)) {
    if (target.isDirectory()) return `--junit ${path} is a folder: give a file name, such as ${join(path, 'junit.xml')}.`;
    return (await writable(path)) ? null : `--junit ${path} cannot be written (no permission).`;
  }
  if (target.code === 'ENOTDIR') return `--junit ${path}: a part of that path is a file, and is not a folder.`;
  if (target.code !== 'ENOENT') return `--junit ${path} cannot be written (${target.code ?? target.message}).`;
  const folder = dirname(path);
  const parent = await stat(folder).catch(() => null);
  if (!parent) return `--junit ${path}: the folder ${folder} does not exist.`;
  if (!parent.isDirectory()) return `--junit ${path}: ${folder} is not a folder.`;
  return (await writable(folder)) ? null : `--junit ${path}: the folder ${folder} cannot be written (no permission).`;
}

async function writable(path: string): Promise<boolean> {
  return access(path, constants.W_OK).then(
    () => true,
    () => false,
  );
}
