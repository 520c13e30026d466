import { explainPortInUse } from '../../demo/port-in-use.ts';
import { startRelay } from '../../relay/start-relay.ts';
import { startStaticServer } from '../../serve/start-static-server.ts';
import { answerUsage, COMMON_OPTIONS, httpUrlArgument, noMorePositionals, parseCommand, portOption, type ParsedCommand } from '../command-args.ts';
import type { CommandIo } from '../command-io.ts';
import { EXIT_OK } from '../exit-code.ts';
import { pairingLink } from '../pairing-link.ts';

export const UI_USAGE = `Usage: mcp-auth-flow [ui] [server-url] [options]

Serves the app and a CORS relay on 127.0.0.1, prints the app's address and opens it in your
browser. With a server URL, the app opens with it filled in. The address carries the relay's
address and secret in its fragment (#…), which pairs the app with the relay for that tab.

Options:
  --port <port>    the app's port (default: a free one)
  --no-open        print the address without opening a browser
  -h, --help       show this help
  -V, --version    print the version

Press Ctrl-C to stop.`;

export interface UiOptions {
  serverUrl?: string;
  /** 0: a free port. */
  port: number;
  open: boolean;
}

const OPTIONS = { port: { type: 'string' }, 'no-open': { type: 'boolean' }, ...COMMON_OPTIONS } as const;

export function parseUiArgs(argv: string[]): ParsedCommand<UiOptions> {
  return parseCommand(argv, OPTIONS, ({ values, positionals }) => {
    noMorePositionals(positionals, 1, 'ui');
    const server = positionals[0];
    return {
      ...(server === undefined ? {} : { serverUrl: httpUrlArgument(server, 'The server URL') }),
      port: portOption(values.port, '--port'),
      open: !values['no-open'],
    };
  });
}

/** `mcp-auth-flow ui`: the app and the relay until Ctrl-C. Returns the exit code. */
export async function runUi(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parseUiArgs(argv);
  if (parsed.kind !== 'run') return answerUsage(parsed, UI_USAGE, 'ui', io);
  const { serverUrl, port, open } = parsed.options;

  const app = await explainPortInUse(startStaticServer({ root: io.appDir(), port }), { port, serverName: 'app', setting: { flag: '--port' } });
  // The static server answers Host localhost too, so a tab opened at localhost:<port> is the app as well: the relay allows both.
  const allowedOrigins = [app.origin, app.origin.replace('//127.0.0.1:', '//localhost:')];
  const relay = await startRelay({ port: 0, allowedOrigins }).catch(async (error: unknown) => {
    await app.close();
    throw error;
  });
  const page = new URL('/', app.origin);
  if (serverUrl) page.searchParams.set('server', serverUrl);
  const link = pairingLink(page.href, relay);

  io.stdout(`
  MCP Auth Flow is running

  App          ${link}
  CORS relay   ${relay.url}  (loopback only; the link pairs the app with it)

  ${open ? 'Opening it in your browser.' : 'Open the app address in your browser.'} Press Ctrl-C to stop.
`);
  if (open) io.openBrowser(link);
  await io.stopRequested();
  await Promise.all([relay.close(), app.close()]);
  return EXIT_OK;
}
