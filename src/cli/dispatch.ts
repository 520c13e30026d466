export const COMMANDS = ['ui', 'demo', 'check', 'relay'] as const;
export type CommandName = (typeof COMMANDS)[number];

export type Route = { kind: 'command'; command: CommandName; argv: string[] } | { kind: 'help' } | { kind: 'version' } | { kind: 'error'; message: string };

export const USAGE = `Usage: mcp-auth-flow [command] [options]

An inspector for MCP authorization: runs the client side of the MCP auth flow and shows every
step with its raw HTTP, in your browser or headless.

Commands:
  ui [server-url]                  serve the app and a CORS relay on 127.0.0.1 and open it in your
                                   browser (the default command); with a URL, the app opens with it
  demo                             the app with a demo authorization server, a demo MCP server and its
                                   fault scenarios, and the relay: everything on this machine
  check <server-url>               run the flow headless, list the tools, call one, print every step
                                   and finding; exit code 0, 1, 2 or 3 (see check --help)
  <server-url>                     short for check <server-url>
  relay --allow-origin <origin>    only the CORS relay, for a copy of the app hosted elsewhere; prints
                                   a link that pairs that app with it

Options:
  -h, --help                       show this help (mcp-auth-flow <command> --help: that command's)
  -V, --version                    print the version

Examples:
  npx mcp-auth-flow demo
  npx mcp-auth-flow ui https://example.com/mcp
  npx mcp-auth-flow check https://example.com/mcp --json`;

const isCommand = (word: string): word is CommandName => (COMMANDS as readonly string[]).includes(word);
const wantsVersion = (argv: string[]) => argv.slice(0, argv.includes('--') ? argv.indexOf('--') : undefined).some((arg) => arg === '--version' || arg === '-V');
/** What a server URL looks like before it is checked: `check` then says exactly what is wrong with it. */
const looksLikeUrl = (word: string) => /[:/.]/.test(word);

/**
 * Which command an argument list is for. Nothing at all, or options only (`--port 7000`), is `ui`. A URL
 * first, or anywhere after options (`--json https://…`), is the short form of `check`, as before there were
 * subcommands. Any other word is an unknown command, not a URL to try.
 */
export function routeCommandLine(argv: string[]): Route {
  const [first, ...rest] = argv;
  if (first === undefined) return { kind: 'command', command: 'ui', argv: [] };
  if (isCommand(first)) return wantsVersion(rest) ? { kind: 'version' } : { kind: 'command', command: first, argv: rest };
  if (first === '-h' || first === '--help') return { kind: 'help' };
  if (wantsVersion(argv)) return { kind: 'version' };
  if (first.startsWith('-')) {
    const urlGiven = argv.some((arg) => /^https?:\/\//i.test(arg));
    return { kind: 'command', command: urlGiven ? 'check' : 'ui', argv };
  }
  if (looksLikeUrl(first)) return { kind: 'command', command: 'check', argv };
  return {
    kind: 'error',
    message: `Unknown command "${first}". The commands are ${COMMANDS.join(', ')}, or give a server URL to check it. See mcp-auth-flow --help.`,
  };
}
