import { useMemo, useState } from 'react';
import type { FlowSession, FlowSettings } from '../engine/model/session.ts';
import type { RelayEndpoint } from '../engine/relay/relay-endpoint.ts';
import { useFlow } from '../features/connect/use-flow.ts';
import type { ImportedTrace } from '../features/export/imported-trace.ts';
import { maskedSession } from '../ui/masked-session.ts';
import type { OutcomeCause } from './use-selection.ts';
import type { PageAddress } from './page-address.ts';
import { useRedirectResume } from './use-redirect-resume.ts';
import { useAfterConfig } from './use-after-config.ts';
import { useRunOnce } from './use-run-once.ts';

interface Options {
  address: PageAddress;
  /** The relay from /__demo/config.json; null without one. */
  relay: RelayEndpoint | null;
  /** The demo config has been read, or found missing: the page is as ready as it gets for Run all. */
  configRead: boolean;
  /** The setup in the form now, and whether it names a server. */
  settings(): FlowSettings;
  hasServer: boolean;
  presenter: boolean;
  /** A restored session (redirect, file) puts its setup in the form. */
  adopt(settings: FlowSettings, fileName?: string): void;
  /** Shows where a run or a restored session ended. */
  onOutcome(session: FlowSession, cause: OutcomeCause): void;
}

/**
 * The one place that decides which session the UI shows: the live run or a trace opened from a
 * file; a run resumed after a full-page redirect; a run a link starts; and, in presenter mode,
 * the same session with its secrets masked, once, for every view.
 */
export function useShownSession({ address, relay, configRead, settings, hasServer, presenter, adopt, onOutcome }: Options) {
  const flow = useFlow(relay);
  /** A trace opened from a file: shown as recorded, with no network. */
  const [imported, setImported] = useState<ImportedTrace | null>(null);

  const startRunAll = () => {
    setImported(null);
    flow.runAll.mutate(settings(), { onSuccess: (session) => onOutcome(session, 'run') });
  };
  const startNext = () => {
    setImported(null);
    flow.next.mutate(settings(), { onSuccess: (session) => onOutcome(session, 'step') });
  };
  // A Run all or Next step pressed before the demo config is read waits for it, so it has the
  // relay exactly as a later press does (the config answers in milliseconds, or gives up in 5 s).
  const afterConfig = useAfterConfig(configRead, { runAll: startRunAll, next: startNext });
  const runAll = () => afterConfig('runAll');
  const next = () => afterConfig('next');
  const reset = () => {
    flow.reset();
    setImported(null);
  };
  const openImported = (trace: ImportedTrace) => {
    flow.reset();
    setImported(trace);
    adopt(trace.session.settings, trace.fileName);
    onOutcome(trace.session, 'restore');
  };

  /** Live-run actions that end somewhere worth showing. */
  const continueAnyway = () => flow.continueAnyway.mutate(undefined, { onSuccess: (session) => onOutcome(session, 'run') });
  const refresh = () => flow.refresh.mutate(undefined, { onSuccess: (session) => onOutcome(session, 'action') });
  const audit = () => flow.audit.mutate(undefined, { onSuccess: (session) => onOutcome(session, 'action') });

  useRedirectResume(address.resuming, (saved) => {
    adopt(saved.session.settings);
    flow.resume.mutate(saved, { onSuccess: (session) => onOutcome(session, 'run') });
  });
  // A link runs as if Run all were pressed on the loaded page: after the demo config is read, so
  // the run has the relay (or knows there is none).
  useRunOnce(address.link.run && !address.resuming && configRead && hasServer, runAll);

  /** What was recorded: exports take it as is (they redact on their own terms). */
  const recorded = imported?.session ?? flow.session;
  const session = useMemo(() => (recorded ? maskedSession(recorded, presenter).session : null), [recorded, presenter]);
  return { session, recorded, imported, flow, runAll, next, reset, openImported, continueAnyway, refresh, audit };
}
