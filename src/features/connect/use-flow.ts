import { useMutation } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { createSession } from '../../engine/flow/create-session.ts';
import { FlowEngine } from '../../engine/flow/engine.ts';
import type { FlowSession, FlowSettings } from '../../engine/session/types.ts';
import { createPopupUserAgent } from './popup-user-agent.ts';
import { useAuthorizationServerChoice } from './use-authorization-server-choice.ts';

const noSubscription = () => () => undefined;

/**
 * The engine owns the flow; React renders its snapshots. Every engine action is a mutation, so
 * pending and error states come from TanStack Query rather than hand-rolled flags.
 */
export function useFlow() {
  const [engine, setEngine] = useState<FlowEngine | null>(null);
  const settingsKey = useRef('');
  const choice = useAuthorizationServerChoice();
  const subscribe = useMemo(() => (engine ? (listener: () => void) => engine.subscribe(listener) : noSubscription), [engine]);
  const session = useSyncExternalStore(subscribe, () => engine?.snapshot ?? null);

  /** Reuses the current run while its settings stand; otherwise starts a fresh one. */
  const engineFor = useCallback(
    (settings: FlowSettings) => {
      const key = JSON.stringify(settings);
      if (engine && key === settingsKey.current && engine.nextStep()) return engine;
      engine?.cancel();
      const fresh = new FlowEngine(createSession(settings), {
        userAgent: createPopupUserAgent(),
        chooseAuthorizationServer: choice.ask,
      });
      settingsKey.current = key;
      setEngine(fresh);
      return fresh;
    },
    [engine, choice.ask],
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
  const continueAnyway = useMutation({ mutationFn: async () => (await current().continueAnyway(), current().snapshot) });
  const callTool = useMutation({ mutationFn: ({ name, args }: { name: string; args: Record<string, unknown> }) => current().callTool(name, args) });
  const refresh = useMutation({ mutationFn: async () => (await current().refresh(), current().snapshot) });
  const audit = useMutation({ mutationFn: async () => (await current().audit(), current().snapshot) });

  const reset = useCallback(() => {
    engine?.cancel();
    choice.cancel();
    settingsKey.current = '';
    setEngine(null);
    for (const mutation of [runAll, next, continueAnyway, callTool, refresh, audit]) mutation.reset();
  }, [engine, choice, runAll, next, continueAnyway, callTool, refresh, audit]);

  const busy = [runAll, next, continueAnyway, callTool, refresh, audit].some((mutation) => mutation.isPending);
  return {
    session: session as FlowSession | null,
    continuable: session ? !!engine?.continuableStep() : false,
    runAll,
    next,
    continueAnyway,
    callTool,
    refresh,
    audit,
    reset,
    busy,
    choice,
  };
}
