import express from 'express';
import { listenOnPort } from '../../relay/http-server.ts';
import type { ExtraRoutes } from '../mounted-routes.ts';
import { createAuthorizationServer } from './authorization-server.ts';

export interface AuthServerOptions {
  port: number;
  /** Interface to listen on; the issuer always says localhost. Defaults to 'localhost'. */
  host?: string;
  /** The resource (RFC 8707) this server issues access tokens for. */
  mcpResourceUrl: string;
  /** More MCP endpoints it issues tokens for (fault scenarios that share this server). */
  extraResourceUrls?: readonly string[];
  /** Origin of the browser app, which must be able to call the server cross-origin. */
  appOrigin: string;
  /** Served ahead of the healthy provider on the same origin (the fault scenarios' servers). */
  extraRoutes?: ExtraRoutes;
}

export interface RunningAuthServer {
  issuer: string;
  close(): Promise<void>;
}

/** A real OAuth 2.1 / OIDC authorization server (oidc-provider) for the demo MCP server. */
export async function startAuthServer(options: AuthServerOptions): Promise<RunningAuthServer> {
  const listening = await listenOnPort(options.port, options.host ?? 'localhost');
  const closers: Array<() => Promise<void>> = [];
  const close = async () => {
    for (const closeOne of closers) await closeOne().catch(() => undefined);
    await listening.close();
  };
  try {
    const issuer = `http://localhost:${listening.port}`;
    const { router } = await createAuthorizationServer({
      issuer,
      mcpResourceUrl: options.mcpResourceUrl,
      extraResourceUrls: options.extraResourceUrls,
      appOrigin: options.appOrigin,
    });

    const app = express();
    app.disable('x-powered-by');
    if (options.extraRoutes) {
      const extra = await options.extraRoutes(issuer);
      closers.push(extra.close);
      app.use(extra.router);
    }
    app.use(router);
    listening.server.on('request', app);

    return { issuer, close };
  } catch (error) {
    await close();
    throw error;
  }
}
