/**
 * `npm run build`, after `vite build`: compiles the Node side (the `mcp-auth-flow` command, the relay, the
 * demo servers, the static server) from src/ into dist/node/, so the installed package runs plain JavaScript,
 * with no TypeScript and no tsx at run time.
 *
 * One ESM entry (src/cli/entry.ts → dist/node/mcp-auth-flow.js, the package's bin) and chunks beside it:
 * each subcommand is a dynamic import, so `check` never loads oidc-provider, express or the MCP SDK. Packages
 * stay external (npm installs them: package.json "dependencies"); the build fails when the output imports a
 * package that is not one of them (a dev dependency would be missing in an installed copy), or when `check`
 * would load a demo-only package at start-up.
 */
import { chmod, readFile, rm, writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { build, type Metafile } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '..');
const OUT_DIR = join(ROOT, 'dist', 'node');
const BIN = join(OUT_DIR, 'mcp-auth-flow.js');
/** Loaded by `demo` (and `ui`/`relay` need none of them); the check's start-up must not pay for them. */
const DEMO_ONLY_PACKAGES = ['oidc-provider', 'express', '@modelcontextprotocol/sdk'];

await rm(OUT_DIR, { recursive: true, force: true });
const { metafile } = await build({
  absWorkingDir: ROOT,
  entryPoints: { 'mcp-auth-flow': 'src/cli/entry.ts' },
  outdir: OUT_DIR,
  // Chunks sit beside the entry, so every compiled module finds the built app at ../app/ (src/cli/built-app-dir.ts).
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  metafile: true,
  logLevel: 'warning',
});

const packageJson = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
const runtimePackages = new Set(Object.keys(packageJson.dependencies ?? {}));
const problems = [...undeclaredPackages(metafile, runtimePackages), ...demoPackagesLoadedByCheck(metafile)];
if (problems.length > 0) {
  console.error(`build-node: the compiled command would break when installed:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  process.exit(1);
}

// npm links the bin as is; the shebang makes it runnable by name on Unix (npm writes a wrapper on Windows).
await writeFile(BIN, `#!/usr/bin/env node\n${await readFile(BIN, 'utf8')}`);
await chmod(BIN, 0o755);
const files = Object.keys(metafile.outputs);
const bytes = Object.values(metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
console.log(`build-node: ${files.length} files, ${(bytes / 1024).toFixed(0)} KB in ${relative(ROOT, OUT_DIR)}/ (bin: ${relative(ROOT, BIN)})`);

/** The package a bare import names: `@scope/name` or `name`, without the subpath. */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

function isBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || builtinModules.includes(specifier);
}

function undeclaredPackages(meta: Metafile, declared: Set<string>): string[] {
  const found = new Set<string>();
  for (const output of Object.values(meta.outputs)) {
    for (const imported of output.imports) {
      if (imported.external && !isBuiltin(imported.path) && !declared.has(packageName(imported.path))) found.add(packageName(imported.path));
    }
  }
  return [...found].map((name) => `imports ${name}, which is not in package.json "dependencies"`);
}

/** What `check` loads before it runs: the entry and the check's chunk, and everything they import statically. */
function demoPackagesLoadedByCheck(meta: Metafile): string[] {
  const outputs = meta.outputs;
  const entry = Object.keys(outputs).find((path) => outputs[path]!.entryPoint === 'src/cli/entry.ts');
  const check = Object.keys(outputs).find((path) => outputs[path]!.entryPoint === 'src/cli/main.ts');
  if (!entry || !check) return ['the entry or the check command was not found among the outputs'];
  const loaded = new Set<string>();
  const visit = (path: string) => {
    if (loaded.has(path)) return;
    loaded.add(path);
    for (const imported of outputs[path]?.imports ?? []) {
      if (imported.kind !== 'import-statement') continue;
      if (imported.external) loaded.add(imported.path);
      else visit(imported.path);
    }
  };
  visit(entry);
  visit(check);
  return DEMO_ONLY_PACKAGES.filter((name) => [...loaded].some((path) => packageName(path) === name)).map(
    (name) => `check loads ${name} at start-up (it belongs to demo; import it dynamically)`,
  );
}
