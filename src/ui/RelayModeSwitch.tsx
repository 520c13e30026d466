import type { RelayEndpoint } from '../engine/relay/relay-endpoint.ts';
import { currentPageOrigin, isHttpsPage, relayNotAnsweringText, relayUnavailableText } from './relay-status-text.ts';
import { useRelayHealth } from './use-relay-health.ts';

interface Props {
  /** From /__demo/config.json or a pairing link; null without either. */
  relay: RelayEndpoint | null;
  checked: boolean;
  onChange(checked: boolean): void;
  /** While a run is going on: the mode applies from the next run. */
  disabled?: boolean;
}

/** Relay mode on or off. Off (the default) is the browser's truth. */
export function RelayModeSwitch({ relay, checked, onChange, disabled = false }: Props) {
  const health = useRelayHealth(relay);
  const available = health.data === true;
  const hint = !relay
    ? `Unavailable. ${relayUnavailableText(currentPageOrigin())}`
    : health.isPending
      ? 'Looking for the relay…'
      : available
        ? 'Gets past CORS to show the rest of the flow; each exchange still says what a browser would have refused.'
        : relayNotAnsweringText(relay.url, isHttpsPage());
  return (
    <label className="flex items-start gap-2 text-sm">
      <input
        type="checkbox"
        data-testid="relay-mode"
        className="mt-1"
        checked={checked && available}
        disabled={disabled || !available}
        onChange={(event) => onChange(event.target.checked)}
      />
      <span>
        <span className="font-medium">Send all traffic through the relay</span>
        <span className="block text-xs text-slate-600">{hint}</span>
      </span>
    </label>
  );
}
