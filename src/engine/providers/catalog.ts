import { AUTH0 } from './auth0.ts';
import { COGNITO } from './cognito.ts';
import { ENTRA } from './entra.ts';
import { GATEWAY } from './gateway.ts';
import { GITHUB } from './github.ts';
import { GOOGLE } from './google.ts';
import { KEYCLOAK } from './keycloak.ts';
import { OKTA } from './okta.ts';
import type { ProviderProfile } from './profile.ts';

/**
 * The one catalog of identity-provider profiles, next to the rule catalog. The app, the CLI, the
 * JSON report and docs/providers.md read it through `providerView(session)` (explain.ts).
 *
 * A profile (profile.ts) is one file here: how to recognise the provider (signals: a real hostname
 * or an error code only it sends is strong and enough alone; a path shape is weak and needs a second
 * one) and its deviations from the MCP flow (the rule ids each explains, when, the cause, a fix
 * built from the run's own values, the provider's doc page). A source comment with the provider's
 * doc URLs sits at the top of each profile file.
 *
 * To add a provider: create `<id>.ts` exporting one ProviderProfile, import it below and append it
 * to PROVIDERS (order breaks ties only), add a loopback imitation and test under test-support/,
 * then run `npm run rules:doc`, which regenerates docs/providers.md too (a test fails when it is stale).
 */
export const PROVIDERS: readonly ProviderProfile[] = [ENTRA, AUTH0, OKTA, KEYCLOAK, COGNITO, GOOGLE, GITHUB, GATEWAY];
