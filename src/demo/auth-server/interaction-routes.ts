import express, { type NextFunction, type Request, type Response } from 'express';
import type { default as Provider, InteractionResults } from 'oidc-provider';
import { INTERACTION_PAGE_CSP, renderConsentPage, renderInteractionErrorPage, renderLoginPage } from './interaction-pages.ts';

const DEFAULT_ACCOUNT_ID = 'demo-user';

type Interaction = Awaited<ReturnType<Provider['interactionDetails']>>;

/**
 * Our own login and consent pages (mounted at <provider mount path>/interaction). oidc-provider
 * keeps the interaction in a cookie scoped to that path plus /<uid>, so every action lives below it.
 */
export function createInteractionRoutes(provider: Provider): express.Router {
  const router = express.Router();
  const parseForm = express.urlencoded({ extended: false, limit: '16kb' });

  router.use((_req, res, next) => {
    res.set({ 'Content-Security-Policy': INTERACTION_PAGE_CSP, 'Cache-Control': 'no-store' });
    next();
  });

  router.get('/:uid', async (req, res) => {
    const interaction = await loadInteraction(provider, req, res);
    const clientId = String(interaction.params.client_id);
    const clientName = (await provider.Client.find(clientId))?.clientName ?? clientId;

    if (interaction.prompt.name === 'login') {
      res.type('html').send(renderLoginPage({ basePath: req.baseUrl, uid: interaction.uid, clientName }));
      return;
    }
    if (interaction.prompt.name === 'consent') {
      res.type('html').send(
        renderConsentPage({
          basePath: req.baseUrl,
          uid: interaction.uid,
          clientName,
          clientId,
          accountId: interaction.session?.accountId ?? DEFAULT_ACCOUNT_ID,
          scopes: splitScope(interaction.params.scope),
          resources: asStrings(interaction.params.resource),
        }),
      );
      return;
    }
    throw new InteractionProblem(`The demo cannot handle the "${interaction.prompt.name}" prompt.`);
  });

  router.post('/:uid/login', parseForm, async (req, res) => {
    await loadInteraction(provider, req, res, 'login');
    const username = typeof req.body?.username === 'string' ? req.body.username.trim() : '';
    const result: InteractionResults = { login: { accountId: username || DEFAULT_ACCOUNT_ID } };
    await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
  });

  router.post('/:uid/confirm', async (req, res) => {
    const interaction = await loadInteraction(provider, req, res, 'consent');
    const grantId = await grantRequestedAccess(provider, interaction);
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  });

  // RFC 6749 §4.1.2.1: the user said no, so the client gets error=access_denied.
  router.post('/:uid/abort', async (req, res) => {
    await loadInteraction(provider, req, res);
    const result: InteractionResults = {
      error: 'access_denied',
      error_description: 'The user denied the authorization request',
    };
    await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
  });

  router.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const message = error instanceof InteractionProblem ? error.message : 'This sign-in request has expired or is not valid (its cookie is missing or stale).';
    res.status(400).type('html').send(renderInteractionErrorPage(message));
  });

  return router;
}

class InteractionProblem extends Error {}

async function loadInteraction(provider: Provider, req: Request, res: Response, expectedPrompt?: 'login' | 'consent'): Promise<Interaction> {
  const interaction = await provider.interactionDetails(req, res);
  if (interaction.uid !== req.params.uid) {
    throw new InteractionProblem('This page belongs to a different sign-in request than the one in progress.');
  }
  if (expectedPrompt && interaction.prompt.name !== expectedPrompt) {
    throw new InteractionProblem(`This sign-in request is not waiting for ${expectedPrompt}.`);
  }
  return interaction;
}

/** Grants exactly what oidc-provider reports as missing for this request. */
async function grantRequestedAccess(provider: Provider, interaction: Interaction): Promise<string> {
  const accountId = interaction.session?.accountId;
  const clientId = String(interaction.params.client_id);
  const grant = (interaction.grantId ? await provider.Grant.find(interaction.grantId) : undefined) ?? new provider.Grant({ accountId, clientId });

  const details = interaction.prompt.details as {
    missingOIDCScope?: string[];
    missingOIDCClaims?: string[];
    missingResourceScopes?: Record<string, string[]>;
  };
  if (details.missingOIDCScope) grant.addOIDCScope(details.missingOIDCScope);
  if (details.missingOIDCClaims) grant.addOIDCClaims(details.missingOIDCClaims);
  for (const [resource, scopes] of Object.entries(details.missingResourceScopes ?? {})) {
    grant.addResourceScope(resource, scopes);
  }
  return grant.save();
}

function splitScope(scope: unknown): string[] {
  return typeof scope === 'string' ? scope.split(' ').filter(Boolean) : [];
}

function asStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return [];
}
