#!/usr/bin/env node
/**
 * The official MCP TypeScript SDK's client on the flow `mcp-auth-flow check` runs, for the bench's
 * comparison (bench/cli-vs-sdk.ts): plain JavaScript, so Node starts it without a compiler, as a
 * user's SDK-based client would start.
 *
 *   node bench/sdk-client.mjs <mcp-server-url>
 *
 * Client + StreamableHTTPClientTransport with an OAuthClientProvider that registers dynamically
 * (a public native client with a loopback redirect URI, RFC 8252 §7.3), prints the authorization
 * URL for a person to open (the bench's scripted person logs in at the demo), takes the code on
 * the loopback callback, then lists the tools and calls the first one. Prints a JSON summary.
 */
import { createServer } from 'node:http';
import { UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const serverUrl = new URL(process.argv[2] ?? '');
const callback = await listenForCallback();

/** Everything in memory, for one run: the registered client, the PKCE verifier, the tokens. */
const provider = {
  saved: {},
  get redirectUrl() {
    return callback.redirectUrl;
  },
  get clientMetadata() {
    return {
      client_name: 'MCP SDK client (bench)',
      redirect_uris: [callback.redirectUrl],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
      application_type: 'native',
    };
  },
  clientInformation() {
    return this.saved.client;
  },
  saveClientInformation(client) {
    this.saved.client = client;
  },
  tokens() {
    return this.saved.tokens;
  },
  saveTokens(tokens) {
    this.saved.tokens = tokens;
  },
  saveCodeVerifier(verifier) {
    this.saved.verifier = verifier;
  },
  codeVerifier() {
    return this.saved.verifier;
  },
  redirectToAuthorization(url) {
    // Worded as mcp-auth-flow words it, so the bench's person handles both clients alike.
    process.stderr.write(`The authorization server wants a person to log in. Open this URL in a browser:\n  ${url.href}\n`);
  },
};

const newClient = () => new Client({ name: 'mcp-sdk-bench-client', version: '1.0.0' });

try {
  try {
    await newClient().connect(new StreamableHTTPClientTransport(serverUrl, { authProvider: provider }));
  } catch (error) {
    if (!(error instanceof UnauthorizedError)) throw error;
    // The transport started the authorization; finish it with the code the callback brings.
    await new StreamableHTTPClientTransport(serverUrl, { authProvider: provider }).finishAuth(await callback.code);
  }
  const client = newClient();
  await client.connect(new StreamableHTTPClientTransport(serverUrl, { authProvider: provider }));
  const { tools } = await client.listTools();
  const tool = tools[0];
  const result = tool ? await client.callTool({ name: tool.name, arguments: exampleArguments(tool.inputSchema) }) : undefined;
  process.stdout.write(`${JSON.stringify({ tools: tools.map((entry) => entry.name), called: tool?.name, isError: result?.isError === true })}\n`);
  await client.close();
} finally {
  callback.close();
}

/** Arguments of the right types for the schema's properties: its default, else an empty value. */
function exampleArguments(schema) {
  const empty = { string: '', number: 0, integer: 0, boolean: false, array: [], object: {} };
  return Object.fromEntries(Object.entries(schema?.properties ?? {}).map(([name, property]) => [name, property.default ?? empty[property.type] ?? null]));
}

/** http://127.0.0.1:<free port>/callback, resolving `code` with the authorization code it receives. */
async function listenForCallback() {
  let deliver;
  let refuse;
  const code = new Promise((resolve, reject) => {
    deliver = resolve;
    refuse = reject;
  });
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/callback') return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'text/plain', connection: 'close' }).end('Authorized. You can close this window.\n');
    const received = url.searchParams.get('code');
    if (received) deliver(received);
    else refuse(new Error(`The authorization server sent no code: ${url.searchParams.get('error') ?? url.search}`));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    redirectUrl: `http://127.0.0.1:${server.address().port}/callback`,
    code,
    close: () => server.close(),
  };
}
