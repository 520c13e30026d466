import { useEffect, useRef } from 'react';

interface Handlers {
  next(): void;
  previous(): void;
  reset(): void;
}

/** Presenter keyboard: → next step, ← previous step, R reset. Typing in a field is left alone. */
export function usePresenterKeys(enabled: boolean, handlers: Handlers): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      if (event.key === 'ArrowRight') latest.current.next();
      else if (event.key === 'ArrowLeft') latest.current.previous();
      else if (event.key === 'r' || event.key === 'R') latest.current.reset();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
