import express from 'express';
import { listenOnPort } from '../http-server.ts';
import { createInteractionRoutes } from './interaction-routes.ts';
import { loadOidcProvider } from './load-oidc-provider.ts';
import { createProviderConfiguration, REGISTRATION_PATH } from './provider-configuration.ts';
import { registrationCors } from './registration-cors.ts';

export interface AuthServerOptions {
  port: number;
  /** Interface to listen on; the issuer always says localhost. Defaults to 'localhost'. */
  host?: string;
  /** The only resource (RFC 8707) this server issues access tokens for. */
  mcpResourceUrl: string;
  /** Origin of the browser app, which must be able to call the server cross-origin. */
  appOrigin: string;
}

export interface RunningAuthServer {
  issuer: string;
  close(): Promise<void>;
}

/** A real OAuth 2.1 / OIDC authorization server (oidc-provider) for the demo MCP server. */
export async function startAuthServer(options: AuthServerOptions): Promise<RunningAuthServer> {
  const { Provider, errors, interactionPolicy } = await loadOidcProvider();
  const listening = await listenOnPort(options.port, options.host ?? 'localhost');
  try {
    const issuer = `http://localhost:${listening.port}`;
    const configuration = await createProviderConfiguration({
      mcpResourceUrl: options.mcpResourceUrl,
      appOrigin: options.appOrigin,
      errors,
      interactionPolicy,
    });
    const provider = new Provider(issuer, configuration);

    const app = express();
    app.disable('x-powered-by');
    app.use(registrationCors(REGISTRATION_PATH, options.appOrigin));
    app.use('/interaction', createInteractionRoutes(provider));
    app.use(provider.callback());
    listening.server.on('request', app);

    return { issuer, close: listening.close };
  } catch (error) {
    await listening.close();
    throw error;
  }
}
