import { useMutation } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { createSession } from '../../engine/flow/create-session.ts';
import { FlowEngine } from '../../engine/flow/engine.ts';
import type { FlowSession, FlowSettings } from '../../engine/session/types.ts';
import { createPopupUserAgent } from './popup-user-agent.ts';

const noSubscription = () => () => undefined;

/**
 * The engine owns the flow; React renders its snapshots. Run all and Next step are mutations,
 * so their pending and error states come from TanStack Query rather than hand-rolled flags.
 */
export function useFlow() {
  const [engine, setEngine] = useState<FlowEngine | null>(null);
  const settingsKey = useRef('');
  const subscribe = useMemo(() => (engine ? (listener: () => void) => engine.subscribe(listener) : noSubscription), [engine]);
  const session = useSyncExternalStore(subscribe, () => engine?.snapshot ?? null);

  /** Reuses the current run while its settings stand; otherwise starts a fresh one. */
  const engineFor = useCallback(
    (settings: FlowSettings) => {
      const key = JSON.stringify(settings);
      if (engine && key === settingsKey.current && engine.nextStep()) return engine;
      engine?.cancel();
      const fresh = new FlowEngine(createSession(settings), { userAgent: createPopupUserAgent() });
      settingsKey.current = key;
      setEngine(fresh);
      return fresh;
    },
    [engine],
  );

  const runAll = useMutation({
    mutationFn: async (settings: FlowSettings) => {
      const current = engineFor(settings);
      await current.runAll();
      return current.snapshot;
    },
  });
  const next = useMutation({
    mutationFn: async (settings: FlowSettings) => {
      const current = engineFor(settings);
      await current.next();
      return current.snapshot;
    },
  });

  const reset = useCallback(() => {
    engine?.cancel();
    settingsKey.current = '';
    setEngine(null);
    runAll.reset();
    next.reset();
  }, [engine, runAll, next]);

  const busy = runAll.isPending || next.isPending;
  return { session: session as FlowSession | null, runAll, next, reset, busy };
}
