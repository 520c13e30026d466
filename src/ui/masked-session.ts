import { collectSecrets, Redactor } from '../engine/report/redact.ts';
import type { FlowSession } from '../engine/model/session.ts';

export interface Masking {
  text(value: string): string;
  session: FlowSession;
}

/**
 * Presenter mode hides tokens, codes, verifiers and client secrets in every view, with the same
 * redaction the exports use. Outside presenter mode everything is shown as recorded.
 */
export function maskedSession(session: FlowSession, presenter: boolean): Masking {
  if (!presenter) return { text: (value) => value, session };
  const redactor = new Redactor(collectSecrets(session));
  return {
    text: (value) => redactor.text(value),
    session: {
      ...session,
      settings: { ...session.settings, serverUrl: redactor.text(session.settings.serverUrl) },
      exchanges: session.exchanges.map((exchange) => redactor.exchange(exchange)),
      steps: session.steps.map((step) => ({
        ...step,
        notes: step.notes.map((note) => redactor.text(note)),
        ...(step.summary ? { summary: redactor.text(step.summary) } : {}),
      })),
      findings: session.findings.map((finding) => ({ ...finding, detail: redactor.text(finding.detail) })),
    },
  };
}
