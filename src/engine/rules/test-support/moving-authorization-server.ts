import type { FlowEngine } from '../../flow/engine.ts';
import type { FlowSession } from '../../model/session.ts';
import { json } from '../../test-support/loopback-server.ts';
import { MCP_PATH, PRM_PATH, startFakeServer, type FakeServer, type FakeServerOptions } from './fake-mcp-auth-server.ts';
import { runFlow } from './run-flow.ts';

/**
 * An MCP server whose protected resource metadata can be switched to name a second, real
 * authorization server (another fake server on its own loopback port) in the middle of a session
 * (issue 9 §2.7). The MCP server accepts that server's tokens; it can answer one 401 on demand.
 */
export interface MovingAuthorizationServer {
  /** Options for the first server (the MCP server and its first authorization server). */
  options: FakeServerOptions;
  /** Runs the flow at the first server, then names the second in the metadata and does `action`. */
  run(fake: FakeServer, action: (engine: FlowEngine) => Promise<unknown>, options?: { expireToken?: boolean }): Promise<MovedRun>;
}

export interface MovedRun {
  session: FlowSession;
  /** The second authorization server's base URL. */
  second: string;
  /** Every form or JSON body the second authorization server received at /register and /token. */
  secondSaw: string[];
}

export function movingAuthorizationServer(): MovingAuthorizationServer {
  let movedTo: string | undefined;
  let refuseOnce = false;
  const options: FakeServerOptions = {
    acceptAnyToken: true,
    prm: (healthy) => (movedTo ? { ...healthy, authorization_servers: [movedTo] } : healthy),
    routes: {
      [MCP_PATH]: ({ response, bearer, base }, healthy) => {
        if (!bearer || !refuseOnce) return healthy();
        refuseOnce = false;
        return json(response, 401, { error: 'invalid_token' }, { 'WWW-Authenticate': `Bearer error="invalid_token", resource_metadata="${base}${PRM_PATH}"` });
      },
    },
  };
  return {
    options,
    async run(fake, action, { expireToken = false } = {}) {
      const { server: second, secondSaw } = await startSecondAuthorizationServer();
      try {
        const session = await runFlow(fake, {
          spec: '2025-11-25',
          then: async (engine) => {
            movedTo = second.base;
            refuseOnce = expireToken;
            await action(engine);
          },
        });
        return { session, second: second.base, secondSaw };
      } finally {
        movedTo = undefined;
        await second.close();
      }
    },
  };
}

/** The authorization server a resource moves to: its clients are `second-…`, and it records what reached /register and /token. */
export async function startSecondAuthorizationServer(): Promise<{ server: FakeServer; secondSaw: string[] }> {
  const secondSaw: string[] = [];
  const seen = (route: string) => (request: { body: string }, healthy: () => void) => {
    secondSaw.push(`${route} ${request.body}`);
    healthy();
  };
  const server = await startFakeServer({
    registration: (healthy) => ({ ...healthy, client_id: `second-${String(healthy.client_id)}` }),
    routes: { '/register': seen('/register'), '/token': seen('/token') },
  });
  return { server, secondSaw };
}
