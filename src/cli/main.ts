import { USAGE, parseCommandLine } from './args.ts';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE } from './exit-code.ts';
import { runCli } from './run.ts';

/** `mcp-auth-flow <server-url> [options]`: see USAGE in args.ts. */
async function main(): Promise<number> {
  const parsed = parseCommandLine(process.argv.slice(2), process.env);
  if (parsed.kind === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return EXIT_OK;
  }
  if (parsed.kind === 'error') {
    process.stderr.write(`mcp-auth-flow: ${parsed.message}\n`);
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

const code = await main();
// Exit once stdout has drained (a large --json report into a pipe), without waiting for idle keep-alive sockets.
process.stdout.write('', () => process.exit(code));
