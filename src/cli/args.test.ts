import { describe, expect, it } from 'vitest';
import { parseCommandLine, type CliOptions } from './args.ts';

const URL_ = 'https://mcp.example.com/mcp';

function options(argv: string[], env: Record<string, string | undefined> = {}): CliOptions {
  const parsed = parseCommandLine(argv, env);
  if (parsed.kind !== 'run') throw new Error(`expected options, got ${JSON.stringify(parsed)}`);
  return parsed.options;
}

function error(argv: string[], env: Record<string, string | undefined> = {}): string {
  const parsed = parseCommandLine(argv, env);
  if (parsed.kind !== 'error') throw new Error(`expected an error, got ${JSON.stringify(parsed)}`);
  return parsed.message;
}

describe('parseCommandLine', () => {
  it('has defaults for everything but the URL', () => {
    expect(options([URL_])).toEqual({ serverUrl: URL_, spec: 'auto', json: false, audit: false, continueOnError: false, timeoutMs: 15_000, notices: [] });
  });

  it('reads every flag, before or after the URL', () => {
    expect(
      options([
        '--spec',
        'auto',
        '--json',
        '--client-id',
        'abc',
        '--client-secret=s3cret',
        '--client-metadata-url',
        'https://app.example.com/client.json',
        URL_,
        '--scope',
        'mcp:tools mcp:write',
        '--audit',
        '--continue-on-error',
        '--timeout',
        '2500',
        '--authorization-server',
        'https://auth.example.com',
        '--tool',
        'echo',
        '--tool-args',
        '{"text":"hi"}',
      ]),
    ).toEqual({
      serverUrl: URL_,
      spec: 'auto',
      json: true,
      clientId: 'abc',
      clientSecret: 's3cret',
      clientMetadataUrl: 'https://app.example.com/client.json',
      scope: 'mcp:tools mcp:write',
      audit: true,
      continueOnError: true,
      timeoutMs: 2500,
      authorizationServer: 'https://auth.example.com',
      tool: 'echo',
      toolArgs: { text: 'hi' },
      notices: [],
    });
  });

  it('takes the browser origin as a browser serialises it, and the JUnit file', () => {
    expect(options([URL_, '--browser-origin', 'https://App.Example.com/', '--junit', 'report.xml'])).toMatchObject({
      browserOrigin: 'https://app.example.com',
      junit: 'report.xml',
    });
    expect(options([URL_, '--login-timeout', '2000']).loginTimeoutMs).toBe(2000);
    expect(options([URL_, '--browser-origin=http://localhost:3000']).browserOrigin).toBe('http://localhost:3000');
  });

  it('asks for help', () => {
    expect(parseCommandLine(['--help'])).toEqual({ kind: 'help' });
    expect(parseCommandLine(['-h', URL_])).toEqual({ kind: 'help' });
  });

  it.each([
    [[], 'Give the URL of the MCP server'],
    [[URL_, 'https://other.example.com'], 'Give one server URL, not 2'],
    [['mcp.example.com/mcp'], 'The server URL "mcp.example.com/mcp" is not an absolute URL'],
    [['ftp://mcp.example.com'], 'The server URL must be http(s), not ftp:'],
    [[URL_, '--spec', '2024-11-05'], '--spec must be one of 2025-03-26, 2025-06-18, 2025-11-25, 2026-07-28 or auto, not "2024-11-05".'],
    [[URL_, '--spec'], '--spec needs a value.'],
    [[URL_, '--timeout', '10s'], '--timeout takes a number of milliseconds'],
    [[URL_, '--timeout', '0'], '--timeout takes a number of milliseconds'],
    [[URL_, '--login-timeout', '5m'], '--login-timeout takes a number of milliseconds greater than 0, e.g. --login-timeout 60000'],
    [[URL_, '--client-secret', 'x'], '--client-secret needs --client-id.'],
    [[URL_, '--client-id', ''], '--client-id needs a value.'],
    [[URL_, '--client-id', '-abc'], '--client-id needs a value; to give one that starts with "-", write --client-id=<value>.'],
    [[URL_, '--client-metadata-url', 'http://app.example.com/client.json'], '--client-metadata-url must be an https URL'],
    [[URL_, '--client-metadata-url', 'https://app.example.com'], '--client-metadata-url must have a path'],
    [[URL_, '--authorization-server', 'auth'], '--authorization-server "auth" is not an absolute URL'],
    [[URL_, '--tool-args', '{text:1}'], '--tool-args must be a JSON object'],
    [[URL_, '--tool-args', '[1]'], '--tool-args must be a JSON object, not an array'],
    [[URL_, '--browser-origin', 'app.example.com'], '--browser-origin "app.example.com" is not an absolute URL'],
    [[URL_, '--browser-origin', 'https://app.example.com/mcp'], '--browser-origin takes an origin, such as https://app.example.com, with no path'],
    [[URL_, '--browser-origin', 'file:///tmp/x'], '--browser-origin must be http(s), not file:'],
    [[URL_, '--browser-origin', 'https://*.example.com'], '--browser-origin takes one exact origin, not a wildcard'],
    [[URL_, '--browser-origin'], '--browser-origin needs a value.'],
    [[URL_, '--junit', ' '], '--junit needs a value.'],
    [[URL_, '--verbose'], 'Unknown option --verbose. See --help.'],
    [[URL_, '--json=yes'], '--json does not take a value.'],
  ])('rejects %j with a clear message', (argv, message) => {
    expect(error(argv)).toContain(message);
  });

  describe('with the conformance suite environment', () => {
    const context = JSON.stringify({ name: 'auth/pre-registration', client_id: 'pre-registered-client', client_secret: 'pre-registered-secret' });

    it('takes pre-registered credentials from MCP_CONFORMANCE_CONTEXT', () => {
      const parsed = options([URL_], { MCP_CONFORMANCE_SCENARIO: 'auth/pre-registration', MCP_CONFORMANCE_CONTEXT: context });
      expect(parsed).toMatchObject({ clientId: 'pre-registered-client', clientSecret: 'pre-registered-secret' });
      expect(parsed.notices).toEqual([
        'Conformance scenario auth/pre-registration',
        'Pre-registered client pre-registered-client, from MCP_CONFORMANCE_CONTEXT',
      ]);
    });

    it('lets flags win over the context', () => {
      const parsed = options([URL_, '--client-id', 'mine'], { MCP_CONFORMANCE_CONTEXT: context });
      expect(parsed.clientId).toBe('mine');
      expect(parsed).not.toHaveProperty('clientSecret');
    });

    it('speaks MCP_CONFORMANCE_PROTOCOL_VERSION unless --spec says otherwise', () => {
      expect(options([URL_], { MCP_CONFORMANCE_PROTOCOL_VERSION: '2025-06-18' }).spec).toBe('2025-06-18');
      expect(options([URL_, '--spec', '2025-11-25'], { MCP_CONFORMANCE_PROTOCOL_VERSION: '2025-06-18' }).spec).toBe('2025-11-25');
      const unknown = options([URL_], { MCP_CONFORMANCE_PROTOCOL_VERSION: 'DRAFT-2027' });
      expect(unknown.spec).toBe('auto');
      expect(unknown.notices[0]).toContain('"DRAFT-2027", which this version does not know');
    });

    it('rejects a context that is not a JSON object', () => {
      expect(error([URL_], { MCP_CONFORMANCE_CONTEXT: '{nope' })).toContain('MCP_CONFORMANCE_CONTEXT is not valid JSON');
    });
  });

  it('--callback-port takes a port for the callback listener, so the redirect URI stays the same', () => {
    const parsed = parseCommandLine(['https://mcp.example.com/mcp', '--callback-port', '8765']);
    expect(parsed.kind === 'run' && parsed.options.callbackPort).toBe(8765);
    for (const bad of ['0', '70000', 'http']) {
      const refused = parseCommandLine(['https://mcp.example.com/mcp', '--callback-port', bad]);
      expect(refused).toEqual({ kind: 'error', message: `--callback-port takes a port number from 1 to 65535, e.g. --callback-port 8765 (got "${bad}").` });
    }
  });
});
