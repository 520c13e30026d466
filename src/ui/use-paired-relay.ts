import { useEffect, useState } from 'react';
import { forgetPairing, readPairing, takePairingLink, type PairedRelay, type PairingLinkOutcome } from './relay-pairing.ts';

/** This tab's sessionStorage, or null where the browser refuses storage (then a pairing lasts until reload). */
function tabStorage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/** Reads a pairing link from the page's address (relay-pairing.ts), and takes it out of the address. */
export function pairingLinkOnLoad(): PairingLinkOutcome {
  return takePairingLink(window.location, window.history, tabStorage() ?? { setItem: () => undefined });
}

interface PairingState {
  pairing: PairedRelay | null;
  /** Why the last pairing link was not used. */
  refused: string | null;
}

function stateAfter(link: PairingLinkOutcome, current: PairedRelay | null): PairingState {
  if (link.kind === 'paired') return { pairing: link.pairing, refused: null };
  return { pairing: current, refused: link.kind === 'refused' ? link.reason : null };
}

/**
 * The relay this tab is paired with: from a pairing link opened at load (or pasted into this tab's
 * address later, which only changes the fragment), else from an earlier one in this tab
 * (sessionStorage survives a reload and the login redirect). Unpair forgets it.
 */
export function usePairedRelay(onLoad: PairingLinkOutcome) {
  const [state, setState] = useState<PairingState>(() => {
    const storage = tabStorage();
    return stateAfter(onLoad, storage ? readPairing(storage) : null);
  });
  useEffect(() => {
    const onHashChange = () => {
      const link = pairingLinkOnLoad();
      if (link.kind !== 'none') setState((current) => stateAfter(link, current.pairing));
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  const unpair = () => {
    const storage = tabStorage();
    if (storage) forgetPairing(storage);
    setState({ pairing: null, refused: null });
  };
  return { pairing: state.pairing, refused: state.refused, unpair };
}
