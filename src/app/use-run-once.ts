import { useEffect, useEffectEvent, useRef } from 'react';

/**
 * Calls `run` once, the first time `ready` is true, with the values of that render. For what the
 * page's address starts by itself: a linked run, the rest of a flow after a redirect.
 */
export function useRunOnce(ready: boolean, run: () => void): void {
  const ran = useRef(false);
  const start = useEffectEvent(run);
  useEffect(() => {
    if (!ready || ran.current) return;
    ran.current = true;
    start();
  }, [ready]);
}
