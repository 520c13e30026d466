import { asDiscoveryStep } from './as-discovery.ts';
import { authorizationServerRecheckStep } from './as-recheck.ts';
import { auditStep } from './audit.ts';
import { authorizeStep } from './authorize.ts';
import { callbackStep } from './callback.ts';
import { challengeStep } from './challenge.ts';
import { importedStep } from './imported.ts';
import { mcpAuthenticatedStep } from './mcp-authenticated.ts';
import { mcpUnauthenticatedStep } from './mcp-unauthenticated.ts';
import { protectedResourceMetadataStep } from './protected-resource-metadata.ts';
import { refreshStep } from './refresh.ts';
import { registrationStep } from './registration/registration-step.ts';
import type { StepDefinition } from './step-definition.ts';
import type { StepKind } from '../model/step-kind.ts';
import { tokenStep } from './token.ts';
import { toolCallStep } from './tool-call.ts';

export const STEP_DEFINITIONS: Record<StepKind, StepDefinition> = {
  'mcp-unauthenticated': mcpUnauthenticatedStep,
  challenge: challengeStep,
  prm: protectedResourceMetadataStep,
  'as-discovery': asDiscoveryStep,
  registration: registrationStep,
  authorize: authorizeStep,
  callback: callbackStep,
  token: tokenStep,
  'mcp-authenticated': mcpAuthenticatedStep,
  'tool-call': toolCallStep,
  refresh: refreshStep,
  'as-recheck': authorizationServerRecheckStep,
  audit: auditStep,
  imported: importedStep,
};
