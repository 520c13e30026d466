import { useEffect, useRef } from 'react';
import { CopyButton } from './CopyButton.tsx';
import type { PairedRelay } from './relay-pairing.ts';
import { pairCommand, pairedText, pairingOfferText, relayAbsentText, relayNotAnsweringText } from './relay-status-text.ts';
import { useRelayHealth } from './use-relay-health.ts';

interface Props {
  /** The relay this tab is paired with (a pairing link), or null. */
  pairing: PairedRelay | null;
  /** Why a pairing link opened on load was not used. */
  refused: string | null;
  onUnpair(): void;
  /** A pairing link for another relay or secret, opened while paired: asked about, not used. */
  offer: PairedRelay | null;
  onAcceptOffer(): void;
  onDeclineOffer(): void;
  /** The page's origin: the one the relay must allow. */
  origin: string;
  httpsPage: boolean;
}

/**
 * The relay line of an app served without the demo (a static host, a hosted copy): paired with a
 * relay on this machine, with Unpair, or absent, with the command that pairs one. All text.
 */
export function RelayStatus({ pairing, refused, onUnpair, offer, onAcceptOffer, onDeclineOffer, origin, httpsPage }: Props) {
  const health = useRelayHealth(pairing);
  // Unpair removes the button that had focus: focus goes to what replaced it, so a keyboard or screen reader user stays here.
  const unpaired = useFocusOnceGone<HTMLDivElement>(!pairing);
  // Either answer to a pairing offer removes both buttons: focus goes to the pairing line they leave, which names the relay now used.
  const answered = useFocusOnceGone<HTMLDivElement>(!offer);
  const answer = (choice: () => void) => () => {
    answered.arm();
    choice();
  };
  return (
    <div className="mt-2 space-y-1 text-xs text-slate-700" data-testid="relay-status" data-state={pairing ? 'paired' : 'absent'}>
      {refused && (
        <p role="alert" className="text-red-800" data-testid="pairing-refused">
          {refused}
        </p>
      )}
      {pairing && offer && <PairingOffer offered={offer.url} current={pairing.url} onAccept={answer(onAcceptOffer)} onKeep={answer(onDeclineOffer)} />}
      {pairing ? (
        <div ref={answered.target} tabIndex={-1} className="flex flex-wrap items-center gap-2 focus:outline-2 focus:outline-offset-2 focus:outline-sky-600">
          <span data-testid="relay-paired">{pairedText(pairing.url)}</span>
          <button
            type="button"
            onClick={() => {
              unpaired.arm();
              onUnpair();
            }}
            className={BUTTON_CLASS}
          >
            Unpair
          </button>
          {health.data === false && (
            <span role="status" className="basis-full text-amber-900" data-testid="relay-not-answering">
              {relayNotAnsweringText(pairing.url, httpsPage)}
            </span>
          )}
        </div>
      ) : (
        <div ref={unpaired.target} tabIndex={-1} className="flex flex-wrap items-center gap-2 focus:outline-2 focus:outline-offset-2 focus:outline-sky-600">
          <span data-testid="relay-absent">{relayAbsentText(origin)}</span>
          <CopyButton text={pairCommand(origin)} label="Copy the command" />
        </div>
      )}
    </div>
  );
}

/**
 * A button that removes itself leaves focus nowhere (on <body>): arm() before it acts, and once
 * `gone` turns true the element at `target` takes focus.
 */
function useFocusOnceGone<T extends HTMLElement>(gone: boolean) {
  const target = useRef<T>(null);
  const armed = useRef(false);
  useEffect(() => {
    if (!gone || !armed.current) return;
    armed.current = false;
    target.current?.focus();
  }, [gone]);
  return {
    target,
    arm: () => {
      armed.current = true;
    },
  };
}

const BUTTON_CLASS = 'rounded border border-slate-300 bg-white px-2 py-0.5 font-medium text-slate-700 hover:bg-slate-100';

/** The question a pairing link for another relay asks; the current pairing stays in use until the user picks the new one. */
function PairingOffer({ offered, current, onAccept, onKeep }: { offered: string; current: string; onAccept(): void; onKeep(): void }) {
  const text = pairingOfferText(offered, current);
  return (
    <div role="alert" className="flex flex-wrap items-center gap-2 text-amber-900" data-testid="pairing-offer">
      <span>{text.question}</span>
      <button type="button" onClick={onAccept} className={BUTTON_CLASS}>
        {text.accept}
      </button>
      <button type="button" onClick={onKeep} className={BUTTON_CLASS}>
        {text.keep}
      </button>
    </div>
  );
}
