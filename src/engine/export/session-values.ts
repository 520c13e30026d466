import type { ExchangeOutcome, Lane } from '../model/exchange.ts';
import type { Severity } from '../model/finding.ts';
import type { FlowStatus, RegistrationMode } from '../model/session.ts';
import type { StepStatus } from '../model/step.ts';
import { STEP_DEFINITIONS } from '../steps/registry.ts';
import type { StepKind } from '../model/step-kind.ts';

/**
 * Every value the session's string unions allow, for checking imported files: the app indexes
 * tables by these (step definitions, status styles), so an unknown value would crash a view.
 * Written as records so a new member of a union fails to compile until it is listed here.
 */
const keys = <T extends string>(record: Record<T, true>): readonly T[] => Object.keys(record) as T[];

export const STEP_KINDS = Object.keys(STEP_DEFINITIONS) as readonly StepKind[];

export const STEP_STATUSES = keys<StepStatus>({ pending: true, running: true, ok: true, warning: true, failed: true, blocked: true, skipped: true });

export const FLOW_STATUSES = keys<FlowStatus>({ idle: true, running: true, 'waiting-for-user': true, done: true, failed: true });

export const LANES = keys<Lane>({ client: true, mcp: true, as: true, user: true });

export const OUTCOMES = keys<ExchangeOutcome>({ response: true, blocked: true, 'network-error': true, timeout: true, 'invalid-url': true, navigation: true });

export const SEVERITIES = keys<Severity>({ error: true, warning: true, info: true });

export const REGISTRATION_MODES = keys<RegistrationMode>({ auto: true, 'pre-registered': true, cimd: true, dcr: true });
