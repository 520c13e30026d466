import { USAGE, parseCommandLine } from './args.ts';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE } from './exit-code.ts';
import { runCli } from './run.ts';
import { isRunDirectly } from '../demo/is-run-directly.ts';

/** `mcp-auth-flow check <server-url> [options]` (and `tsx src/cli/main.ts <server-url>`): see USAGE in args.ts. */
export async function main(argv: string[] = process.argv.slice(2)): Promise<number> {
  const parsed = parseCommandLine(argv, process.env);
  if (parsed.kind === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return EXIT_OK;
  }
  if (parsed.kind === 'error') {
    process.stderr.write(`mcp-auth-flow check: ${parsed.message}\n`);
    return EXIT_USAGE;
  }
  const controller = new AbortController();
  process.once('SIGINT', () => {
    process.stderr.write('\nCancelled.\n');
    controller.abort();
    process.exit(130);
  });
  try {
    return await runCli(parsed.options, {
      stdout: (text) => process.stdout.write(text),
      stderr: (line) => process.stderr.write(`${line}\n`),
      signal: controller.signal,
    });
  } catch (error) {
    // Our own bug or the environment (no port to listen on): a sentence, not a stack trace.
    process.stderr.write(`mcp-auth-flow: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_FAILED;
  }
}

// `npm run cli` runs this file; the packaged command (entry.ts) imports main() instead.
if (isRunDirectly(import.meta.url)) {
  const code = await main();
  // Exit once stdout has drained (a large --json report into a pipe), without waiting for idle keep-alive sockets.
  process.stdout.write('', () => process.exit(code));
}
