import { useEffect, useEffectEvent, useState } from 'react';

/**
 * Runs an action now, or as soon as the demo config has been read. The config carries the relay:
 * a run started before it arrived would have none, and would report hidden headers the relay
 * could have explained (issue 9 §2.1: a run must not depend on how fast the button was pressed).
 */
export function useAfterConfig<Action extends string>(configRead: boolean, actions: Record<Action, () => void>): (action: Action) => void {
  const [queued, setQueued] = useState<Action | null>(null);
  const perform = useEffectEvent((action: Action) => actions[action]());
  useEffect(() => {
    if (!configRead || queued === null) return;
    setQueued(null);
    perform(queued);
  }, [configRead, queued]);
  return (action) => (configRead ? actions[action]() : setQueued(action));
}
