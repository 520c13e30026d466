import { useEffect, useState } from 'react';

/** Presenter mode: large type for a projector (every rem-sized text scales), secrets masked. */
export function usePresenter(initial: boolean) {
  const [presenter, setPresenter] = useState(initial);
  useEffect(() => {
    document.documentElement.classList.toggle('presenter', presenter);
  }, [presenter]);
  return { presenter, togglePresenter: () => setPresenter((on) => !on) };
}
