import { useEffect, useRef } from 'react';
import { CopyButton } from './CopyButton.tsx';
import type { PairedRelay } from './relay-pairing.ts';
import { pairCommand, pairedText, relayAbsentText, relayNotAnsweringText } from './relay-status-text.ts';
import { useRelayHealth } from './use-relay-health.ts';

interface Props {
  /** The relay this tab is paired with (a pairing link), or null. */
  pairing: PairedRelay | null;
  /** Why a pairing link opened on load was not used. */
  refused: string | null;
  onUnpair(): void;
  /** The page's origin: the one the relay must allow. */
  origin: string;
  httpsPage: boolean;
}

/**
 * The relay line of an app served without the demo (a static host, a hosted copy): paired with a
 * relay on this machine, with Unpair, or absent, with the command that pairs one. All text.
 */
export function RelayStatus({ pairing, refused, onUnpair, origin, httpsPage }: Props) {
  const health = useRelayHealth(pairing);
  // Unpair removes the button that had focus: focus goes to what replaced it, so a keyboard or screen reader user stays here.
  const absent = useRef<HTMLDivElement>(null);
  const unpairing = useRef(false);
  useEffect(() => {
    if (pairing || !unpairing.current) return;
    unpairing.current = false;
    absent.current?.focus();
  }, [pairing]);
  return (
    <div className="mt-2 space-y-1 text-xs text-slate-700" data-testid="relay-status" data-state={pairing ? 'paired' : 'absent'}>
      {refused && (
        <p role="alert" className="text-red-800" data-testid="pairing-refused">
          {refused}
        </p>
      )}
      {pairing ? (
        <div className="flex flex-wrap items-center gap-2">
          <span data-testid="relay-paired">{pairedText(pairing.url)}</span>
          <button
            type="button"
            onClick={() => {
              unpairing.current = true;
              onUnpair();
            }}
            className="rounded border border-slate-300 bg-white px-2 py-0.5 font-medium text-slate-700 hover:bg-slate-100"
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
        <div ref={absent} tabIndex={-1} className="flex flex-wrap items-center gap-2 focus:outline-2 focus:outline-offset-2 focus:outline-sky-600">
          <span data-testid="relay-absent">{relayAbsentText(origin)}</span>
          <CopyButton text={pairCommand(origin)} label="Copy the command" />
        </div>
      )}
    </div>
  );
}
