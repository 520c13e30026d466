import type { CommandIo } from './command-io.ts';
import { routeCommandLine, USAGE, type CommandName } from './dispatch.ts';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE } from './exit-code.ts';
import { VERSION } from './version.ts';

/**
 * The `mcp-auth-flow` command, compiled to dist/node/mcp-auth-flow.js (scripts/build-node.ts). Each
 * subcommand is loaded only when it runs, so `check` never loads the demo servers' libraries.
 */
const SERVER_COMMANDS: Record<Exclude<CommandName, 'check'>, () => Promise<(argv: string[], io: CommandIo) => Promise<number>>> = {
  ui: async () => (await import('./commands/ui-command.ts')).runUi,
  demo: async () => (await import('./commands/demo-command.ts')).runDemo,
  relay: async () => (await import('./commands/relay-command.ts')).runRelay,
};

async function run(command: CommandName, argv: string[]): Promise<number> {
  if (command === 'check') return (await import('./main.ts')).main(argv);
  const [runCommand, { processIo }] = await Promise.all([SERVER_COMMANDS[command](), import('./process-io.ts')]);
  try {
    return await runCommand(argv, processIo());
  } catch (error) {
    // A busy port, a missing build: a sentence, not a stack trace.
    process.stderr.write(`mcp-auth-flow ${command}: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_FAILED;
  }
}

async function main(): Promise<number> {
  const route = routeCommandLine(process.argv.slice(2));
  switch (route.kind) {
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      return EXIT_OK;
    case 'version':
      process.stdout.write(`${VERSION}\n`);
      return EXIT_OK;
    case 'error':
      process.stderr.write(`mcp-auth-flow: ${route.message}\n`);
      return EXIT_USAGE;
    case 'command':
      return run(route.command, route.argv);
  }
}

const code = await main();
// Exit once stdout has drained (a large --json report into a pipe), without waiting for idle keep-alive sockets.
process.stdout.write('', () => process.exit(code));
