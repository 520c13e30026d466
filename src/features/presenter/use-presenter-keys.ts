import { useEffect, useEffectEvent } from 'react';

interface Handlers {
  next(): void;
  previous(): void;
  reset(): void;
}

/** Presenter keyboard: → next step, ← previous step, R reset. Typing in a field is left alone. */
export function usePresenterKeys(enabled: boolean, handlers: Handlers): void {
  // The listener stays for as long as presenter mode is on, and calls the handlers of the latest render.
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target as HTMLElement | null;
    if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
    if (event.key === 'ArrowRight') handlers.next();
    else if (event.key === 'ArrowLeft') handlers.previous();
    else if (event.key === 'r' || event.key === 'R') handlers.reset();
    else return;
    event.preventDefault();
  });
  useEffect(() => {
    if (!enabled) return;
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
