import { startAppServer } from './app-server.ts';
import { isRunDirectly } from './is-run-directly.ts';
import { PortInUseError } from './port-in-use.ts';
import { startDemo, type RunningDemo } from './start-demo.ts';

export { startDemo } from './start-demo.ts';

/** `npm start`: the app, both demo servers and the CORS relay on localhost, until Ctrl-C. */
async function main(): Promise<void> {
  const ports = {
    appPort: portFromEnv('APP_PORT', 5173),
    authPort: portFromEnv('AUTH_PORT', 5174),
    mcpPort: portFromEnv('MCP_PORT', 5175),
    relayPort: portFromEnv('RELAY_PORT', 5176),
  };

  let demo: RunningDemo;
  try {
    demo = await startDemo({ ...ports, startApp: (app) => startAppServer({ ...app, mode: 'dev' }) });
  } catch (error) {
    if (error instanceof PortInUseError) exitWith(error.message);
    throw error;
  }

  console.log(`
  MCP Auth Flow is running

  App                    ${demo.appUrl}
  Demo MCP server        ${demo.mcpServerUrl}
  Fault scenarios        ${new URL(demo.mcpServerUrl).origin}/s/<id>/mcp  (${demo.scenarios.length - 1}, listed in the app)
  Demo authorization     ${demo.authorizationServerUrl}
  CORS relay             ${demo.relay.url}  (loopback only; the app gets its secret from the demo config)
  Demo config            ${new URL('/__demo/config.json', demo.appUrl).href}

  Open the app in your browser. Press Ctrl-C to stop.
`);

  let stopping = false;
  const stop = async () => {
    if (stopping) process.exit(130); // a second Ctrl-C does not wait
    stopping = true;
    console.log('\nStopping the demo servers…');
    await demo.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    exitWith(`${name} must be a port number from 1 to 65535, not "${raw}".`);
  }
  return port;
}

function exitWith(message: string): never {
  console.error(message);
  process.exit(1);
}

// start.ts is also imported for startDemo; only `tsx src/demo/start.ts` starts the demo.
if (isRunDirectly(import.meta.url)) await main();
