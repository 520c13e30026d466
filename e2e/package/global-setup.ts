import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publishPacked, type PackedPackage } from './installed-package.ts';

const REPO_ROOT = join(import.meta.dirname, '..', '..');

/** Runs a command to its end and returns its stdout; rejects with all its output when it fails. */
function run(command: string, args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`${command} ${args.join(' ')} failed (exit ${code}):\n${stdout}\n${stderr}`))));
  });
}

interface PackJson {
  filename: string;
  version: string;
  size: number;
  unpackedSize: number;
  files: Array<{ path: string }>;
}

/**
 * As a user gets the tool: `npm pack` (whose prepack runs `npm run build`: tsc, vite build, the Node
 * compile) into a temporary folder, then `npm install <tarball>` into an empty folder, from the npm
 * registry for the runtime dependencies. The tests run the installed `mcp-auth-flow` from there.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const work = await mkdtemp(join(tmpdir(), 'mcp-auth-flow-package-'));
  const packDir = join(work, 'tarball');
  const installDir = join(work, 'empty-folder');
  await mkdir(packDir);
  await mkdir(installDir);

  const stdout = await run('npm', ['pack', '--json', '--pack-destination', packDir], REPO_ROOT);
  // The prepack build prints its own lines first; the JSON report is the array at the end.
  const [report] = JSON.parse(stdout.slice(stdout.lastIndexOf('\n[') + 1)) as PackJson[];
  if (!report) throw new Error(`npm pack printed no report:\n${stdout}`);
  const tarball = join(packDir, report.filename);

  await writeFile(join(installDir, 'package.json'), JSON.stringify({ name: 'empty-folder', private: true }));
  await run('npm', ['install', tarball, '--no-audit', '--no-fund', '--no-package-lock'], installDir);

  const packed: PackedPackage = {
    installDir,
    tarball,
    size: report.size,
    unpackedSize: report.unpackedSize,
    files: report.files.map((file) => file.path),
    version: report.version,
  };
  publishPacked(packed);
  return () => rm(work, { recursive: true, force: true });
}
