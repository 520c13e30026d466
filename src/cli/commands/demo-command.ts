import { startDemo } from '../../demo/start-demo.ts';
import { answerUsage, COMMON_OPTIONS, noMorePositionals, parseCommand, portOption, type ParsedCommand } from '../command-args.ts';
import type { CommandIo } from '../command-io.ts';
import { EXIT_OK } from '../exit-code.ts';

export const DEMO_USAGE = `Usage: mcp-auth-flow demo [options]

Starts everything a workshop needs, on this machine: the app, a demo authorization server, a demo
MCP server with its fault scenarios (each one breaks the flow in one way), and the CORS relay.
Prints the addresses and opens the app in your browser.

Options:
  --port <port>          the app's port (default: a free one)
  --auth-port <port>     the demo authorization server's port (default: a free one)
  --mcp-port <port>      the demo MCP server's port (default: a free one)
  --relay-port <port>    the CORS relay's port (default: a free one)
  --no-open              print the addresses without opening a browser
  -h, --help             show this help
  -V, --version          print the version

Press Ctrl-C to stop.`;

export interface DemoOptions {
  /** 0: a free port, for each. */
  ports: { app: number; auth: number; mcp: number; relay: number };
  open: boolean;
}

const OPTIONS = {
  port: { type: 'string' },
  'auth-port': { type: 'string' },
  'mcp-port': { type: 'string' },
  'relay-port': { type: 'string' },
  'no-open': { type: 'boolean' },
  ...COMMON_OPTIONS,
} as const;

export function parseDemoArgs(argv: string[]): ParsedCommand<DemoOptions> {
  return parseCommand(argv, OPTIONS, ({ values, positionals }) => {
    noMorePositionals(positionals, 0, 'demo');
    return {
      ports: {
        app: portOption(values.port, '--port'),
        auth: portOption(values['auth-port'], '--auth-port'),
        mcp: portOption(values['mcp-port'], '--mcp-port'),
        relay: portOption(values['relay-port'], '--relay-port'),
      },
      open: !values['no-open'],
    };
  });
}

/** `mcp-auth-flow demo`: what `npm start` runs, from the built app, until Ctrl-C. Returns the exit code. */
export async function runDemo(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parseDemoArgs(argv);
  if (parsed.kind !== 'run') return answerUsage(parsed, DEMO_USAGE, 'demo', io);
  const { ports, open } = parsed.options;

  const demo = await startDemo({
    appPort: ports.app,
    authPort: ports.auth,
    mcpPort: ports.mcp,
    relayPort: ports.relay,
    startApp: 'static',
    appDir: io.appDir(),
    portSettings: 'flags',
  });
  io.stdout(`
  MCP Auth Flow demo is running

  App                    ${demo.appUrl}
  Demo MCP server        ${demo.mcpServerUrl}
  Fault scenarios        ${new URL(demo.mcpServerUrl).origin}/s/<id>/mcp  (${demo.scenarios.length - 1}, listed in the app)
  Demo authorization     ${demo.authorizationServerUrl}  (any username and password sign in)
  CORS relay             ${demo.relay.url}  (loopback only; the app gets its secret from the demo config)

  ${open ? 'Opening the app in your browser.' : 'Open the app in your browser.'} Press Ctrl-C to stop.
`);
  if (open) io.openBrowser(demo.appUrl);
  await io.stopRequested();
  await demo.close();
  return EXIT_OK;
}
