import { explainPortInUse } from '../../demo/port-in-use.ts';
import { startRelay } from '../../relay/start-relay.ts';
import { answerUsage, COMMON_OPTIONS, noMorePositionals, parseCommand, portOption, UsageError, type ParsedCommand } from '../command-args.ts';
import type { CommandIo } from '../command-io.ts';
import { EXIT_OK } from '../exit-code.ts';
import { pairingLink } from '../pairing-link.ts';

export const RELAY_USAGE = `Usage: mcp-auth-flow relay --allow-origin <origin> [options]

Starts only the CORS relay, on 127.0.0.1, for a copy of the app hosted elsewhere (GitHub Pages,
your own host), and prints a pairing link: the app's address with the relay's address and a fresh
secret in its fragment (#…), which the browser never sends to the host. Opening the link pairs
that tab with the relay. The relay answers only pages of the allowed origin that know the secret.

Options:
  --allow-origin <origin>   the hosted app's origin, such as https://you.github.io (required)
  --app-url <url>           the hosted app's address, on that origin, such as
                            https://you.github.io/mcp-auth-flow/ (default: the origin and "/")
  --port <port>             the relay's port (default: a free one)
  -h, --help                show this help
  -V, --version             print the version

Press Ctrl-C to stop.`;

export interface RelayCommandOptions {
  allowOrigin: string;
  appUrl: string;
  /** 0: a free port. */
  port: number;
}

const OPTIONS = { 'allow-origin': { type: 'string' }, 'app-url': { type: 'string' }, port: { type: 'string' }, ...COMMON_OPTIONS } as const;

export function parseRelayArgs(argv: string[]): ParsedCommand<RelayCommandOptions> {
  return parseCommand(argv, OPTIONS, ({ values, positionals }) => {
    noMorePositionals(positionals, 0, 'relay');
    if (values['allow-origin'] === undefined) {
      throw new UsageError('Give the origin of the hosted app: mcp-auth-flow relay --allow-origin https://host.example. See --help.');
    }
    const allowOrigin = origin(String(values['allow-origin']));
    const appUrl = values['app-url'] === undefined ? `${allowOrigin}/` : appAddress(String(values['app-url']), allowOrigin);
    return { allowOrigin, appUrl, port: portOption(values.port, '--port') };
  });
}

/** An origin as a browser sends it (scheme, host, port); a trailing slash is forgiven, a path is not. */
function origin(value: string): string {
  const url = URL.parse(value.trim());
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
    throw new UsageError(`--allow-origin takes an origin: scheme, host and port, with no path, such as https://host.example (got "${value}").`);
  }
  if (url.hostname.includes('*')) {
    throw new UsageError(`--allow-origin takes one exact origin, not a wildcard: the relay answers only the page whose Origin is exactly it (got "${value}").`);
  }
  return url.origin;
}

function appAddress(value: string, allowOrigin: string): string {
  const url = URL.parse(value.trim());
  if (!url || url.origin !== allowOrigin) {
    throw new UsageError(`--app-url must be an address on ${allowOrigin}, the origin the relay allows (got "${value}").`);
  }
  return url.href;
}

/** `mcp-auth-flow relay`: the relay for a hosted copy of the app, until Ctrl-C. Returns the exit code. */
export async function runRelay(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parseRelayArgs(argv);
  if (parsed.kind !== 'run') return answerUsage(parsed, RELAY_USAGE, 'relay', io);
  const { allowOrigin, appUrl, port } = parsed.options;

  const relay = await explainPortInUse(startRelay({ port, allowedOrigins: [allowOrigin] }), {
    port,
    serverName: 'CORS relay',
    setting: { flag: '--port' },
  });
  io.stdout(`
  CORS relay running at ${relay.url}  (loopback only), for pages of ${allowOrigin}

  Pair the app with it: open this link in the browser you use the app in (the secret is in the
  fragment, which never reaches ${new URL(appUrl).host}; a new one is made at each start):

  ${pairingLink(appUrl, relay)}

  Press Ctrl-C to stop.
`);
  await io.stopRequested();
  await relay.close();
  return EXIT_OK;
}
