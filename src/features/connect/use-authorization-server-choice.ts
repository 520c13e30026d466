import { useCallback, useMemo, useRef, useState } from 'react';

/**
 * When the resource metadata lists several authorization servers the engine asks which one to
 * use. This turns that question into React state the dialog renders, and the answer into the
 * promise the engine awaits.
 */
export function useAuthorizationServerChoice() {
  const [pending, setPending] = useState<string[] | null>(null);
  const resolver = useRef<((issuer: string) => void) | null>(null);

  const ask = useCallback(
    (issuers: string[]) =>
      new Promise<string>((resolve) => {
        resolver.current = resolve;
        setPending(issuers);
      }),
    [],
  );
  const answer = useCallback((issuer: string) => {
    resolver.current?.(issuer);
    resolver.current = null;
    setPending(null);
  }, []);
  /** Reset: an unanswered question resolves to the first server so nothing waits forever. */
  const cancel = useCallback(() => {
    if (pending?.[0]) answer(pending[0]);
  }, [pending, answer]);

  return useMemo(() => ({ pending, ask, answer, cancel }), [pending, ask, answer, cancel]);
}
