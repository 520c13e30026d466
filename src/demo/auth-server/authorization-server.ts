import express from 'express';
import type { Configuration, default as Provider } from 'oidc-provider';
import { createInteractionRoutes } from './interaction-routes.ts';
import { loadOidcProvider } from './load-oidc-provider.ts';
import { createProviderConfiguration, type ProviderConfigurationOptions } from './provider-configuration.ts';
import { registrationCors } from './registration-cors.ts';

export interface AuthorizationServerOptions extends Omit<ProviderConfigurationOptions, 'errors' | 'interactionPolicy'> {
  issuer: string;
  /** A fault scenario's change to the healthy configuration. */
  adjustConfiguration?: (configuration: Configuration) => Configuration;
  /** A fault scenario's change to the running provider (koa middleware, model behaviour). */
  adjustProvider?: (provider: Provider) => void;
}

export interface AuthorizationServer {
  provider: Provider;
  /** Mount at the issuer's path (options.mountPath) on the issuer's origin. */
  router: express.Router;
}

/** One oidc-provider instance with the demo's login pages and CORS, ready to mount on an origin. */
export async function createAuthorizationServer(options: AuthorizationServerOptions): Promise<AuthorizationServer> {
  const { Provider, errors, interactionPolicy } = await loadOidcProvider();
  const { issuer, adjustConfiguration = (configuration) => configuration, adjustProvider, ...configurationOptions } = options;
  const configuration = adjustConfiguration(await createProviderConfiguration({ ...configurationOptions, errors, interactionPolicy }));
  const provider = new Provider(issuer, configuration);
  adjustProvider?.(provider);

  const router = express.Router();
  const registrationPath = configuration.routes?.registration;
  if (configuration.features?.registration?.enabled && registrationPath) {
    router.use(registrationCors(registrationPath, options.appOrigin));
  }
  router.use('/interaction', createInteractionRoutes(provider));
  router.use(provider.callback());
  return { provider, router };
}
