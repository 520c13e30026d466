import { useMutation } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { createSession } from '../../engine/flow/create-session.ts';
import { FlowEngine } from '../../engine/flow/engine.ts';
import { gatedAuthorizeUrl } from '../../engine/flow/user-agent.ts';
import type { FlowSession, FlowSettings } from '../../engine/model/session.ts';
import type { RelayEndpoint } from '../../engine/relay/relay-endpoint.ts';
import { createPopupUserAgent, type PopupUserAgent } from './popup-user-agent.ts';
import { forgetRedirect, saveForRedirect } from './redirect-resume.ts';
import { useAuthorizationServerChoice } from './use-authorization-server-choice.ts';

const noSubscription = () => () => undefined;

/**
 * The engine owns the flow; React renders its snapshots. Every engine action is a mutation, so
 * pending and error states come from TanStack Query rather than hand-rolled flags.
 */
export function useFlow(relay?: RelayEndpoint | null) {
  const [engine, setEngine] = useState<FlowEngine | null>(null);
  const settingsKey = useRef('');
  const choice = useAuthorizationServerChoice();
  const subscribe = useMemo(() => (engine ? (listener: () => void) => engine.subscribe(listener) : noSubscription), [engine]);
  const session = useSyncExternalStore(subscribe, () => engine?.snapshot ?? null);

  const userAgent = useRef<PopupUserAgent | null>(null);
  const newEngine = useCallback(
    (session: FlowSession) => {
      userAgent.current = createPopupUserAgent({
        onPopupBlocked: (request) => {
          // Leave for the authorization server in this tab; the session waits in sessionStorage.
          // The gate again (it throws for a refused URL, failing the step): nothing unchecked reaches location.
          const url = gatedAuthorizeUrl(request);
          saveForRedirect(created.snapshot);
          window.location.assign(url);
        },
      });
      const created: FlowEngine = new FlowEngine(session, {
        userAgent: userAgent.current,
        chooseAuthorizationServer: choice.ask,
        ...(relay ? { relay: { ...relay, appOrigin: window.location.origin } } : {}),
      });
      return created;
    },
    [choice.ask, relay],
  );

  /** Reuses the current run while its settings stand; otherwise starts a fresh one. */
  const engineFor = useCallback(
    (settings: FlowSettings) => {
      const key = JSON.stringify(settings);
      if (engine && key === settingsKey.current && engine.nextStep()) return engine;
      engine?.cancel();
      const fresh = newEngine(createSession(settings));
      settingsKey.current = key;
      setEngine(fresh);
      return fresh;
    },
    [engine, newEngine],
  );

  const current = () => {
    if (!engine) throw new Error('Run the flow first.');
    return engine;
  };
  const runAll = useMutation({
    mutationFn: async (settings: FlowSettings) => {
      const running = engineFor(settings);
      await running.runAll();
      return running.snapshot;
    },
  });
  const next = useMutation({
    mutationFn: async (settings: FlowSettings) => {
      const running = engineFor(settings);
      await running.next();
      return running.snapshot;
    },
  });
  /** Back from a full-page redirect: the saved session goes on from its callback. */
  const resume = useMutation({
    mutationFn: async ({ session: saved, callbackUrl }: { session: FlowSession; callbackUrl: string }) => {
      const restored = newEngine(saved);
      settingsKey.current = JSON.stringify(saved.settings);
      setEngine(restored);
      restored.resumeAuthorize(callbackUrl, { popupBlocked: true });
      await restored.runAll();
      return restored.snapshot;
    },
  });
  const continueAnyway = useMutation({ mutationFn: async () => (await current().continueAnyway(), current().snapshot) });
  const callTool = useMutation({ mutationFn: ({ name, args }: { name: string; args: Record<string, unknown> }) => current().callTool(name, args) });
  const refresh = useMutation({ mutationFn: async () => (await current().refresh(), current().snapshot) });
  const audit = useMutation({ mutationFn: async () => (await current().audit(), current().snapshot) });
  const askRelay = (exchangeId: string) => current().askRelay(exchangeId);

  const reset = useCallback(() => {
    engine?.cancel();
    choice.cancel();
    forgetRedirect();
    settingsKey.current = '';
    setEngine(null);
    for (const mutation of [runAll, next, continueAnyway, callTool, refresh, audit]) mutation.reset();
  }, [engine, choice, runAll, next, continueAnyway, callTool, refresh, audit]);

  const busy = [runAll, next, resume, continueAnyway, callTool, refresh, audit].some((mutation) => mutation.isPending);
  return {
    session: session as FlowSession | null,
    continuable: session ? !!engine?.continuableStep() : false,
    runAll,
    next,
    resume,
    continueAnyway,
    callTool,
    refresh,
    audit,
    askRelay,
    cancelLogin: () => userAgent.current?.cancelLogin() ?? false,
    reset,
    busy,
    choice,
  };
}
