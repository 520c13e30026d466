import { useEffect, useState } from 'react';
import { forgetPairing, pairingDecision, readPairing, savePairing, takePairingLink, type PairedRelay, type PairingLinkOutcome } from './relay-pairing.ts';

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
  return takePairingLink(window.location, window.history, tabStorage() ?? { getItem: () => null, setItem: () => undefined });
}

interface PairingState {
  pairing: PairedRelay | null;
  /** Why the last pairing link was not used. */
  refused: string | null;
  /** A pairing link for another relay or secret than this tab's: held here only (never stored) until the user chooses. */
  offer: PairedRelay | null;
}

function stateAfter(link: PairingLinkOutcome, current: PairedRelay | null): PairingState {
  const decision = pairingDecision(current, link);
  if (link.kind === 'paired' && decision === 'pair') return { pairing: link.pairing, refused: null, offer: null };
  if (link.kind === 'paired' && decision === 'ask') return { pairing: current, refused: null, offer: link.pairing };
  return { pairing: current, refused: link.kind === 'refused' ? link.reason : null, offer: null };
}

/**
 * The relay this tab is paired with: from a pairing link opened at load (or pasted into this tab's
 * address later, which only changes the fragment), else from an earlier one in this tab
 * (sessionStorage survives a reload and the login redirect). A link for another relay while paired
 * is only offered: acceptOffer replaces the pairing, declineOffer drops the link. Unpair forgets it.
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
    setState({ pairing: null, refused: null, offer: null });
  };
  const acceptOffer = () => {
    const { offer } = state;
    if (!offer) return;
    const storage = tabStorage();
    if (storage) savePairing(storage, offer);
    setState({ pairing: offer, refused: null, offer: null });
  };
  const declineOffer = () => setState((current) => ({ ...current, offer: null }));
  return { pairing: state.pairing, refused: state.refused, offer: state.offer, unpair, acceptOffer, declineOffer };
}
