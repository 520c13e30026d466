import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface AssetSize {
  file: string;
  kind: 'js' | 'css';
  gzipBytes: number;
}

/**
 * The JavaScript and CSS a visitor loads before the first interaction: what the built
 * index.html references directly (entry script, module preloads, stylesheets).
 */
export async function initialAssetSizes(distDir: string): Promise<AssetSize[]> {
  const html = await readFile(join(distDir, 'index.html'), 'utf8');
  const references = [
    ...html.matchAll(/<script[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g),
  ].map((match) => match[1]!);
  const unique = [...new Set(references)];
  return Promise.all(
    unique.map(async (file) => {
      const content = await readFile(join(distDir, file.replace(/^\//, '')));
      return { file, kind: file.endsWith('.css') ? ('css' as const) : ('js' as const), gzipBytes: gzipSync(content, { level: 9 }).byteLength };
    }),
  );
}
