import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where `vite build` put the app (dist/app/), seen from this module: compiled into dist/node/ in the
 * package it is ../app/; run from the sources (tsx src/cli/entry.ts) it is ../../dist/app/.
 */
const CANDIDATES = ['../app/', '../../dist/app/'];

export function builtAppDir(): string {
  for (const candidate of CANDIDATES) {
    const folder = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(join(folder, 'index.html'))) return folder;
  }
  throw new Error('The built app is missing (no dist/app/index.html next to the command): run `npm run build` first.');
}
