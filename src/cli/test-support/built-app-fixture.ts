import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A stand-in for dist/app: the commands serve whatever folder they are given. */
export async function builtAppFixture(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'built-app-'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>built app</title>');
  await writeFile(join(dir, 'callback.html'), '<!doctype html><title>callback</title>');
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
