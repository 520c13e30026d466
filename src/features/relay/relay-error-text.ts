import { RELAY_NOT_RUNNING, RelayError } from '../../engine/relay/relay-error.ts';
import { LOCAL_NETWORK_PROMPT_TEXT } from '../../ui/relay-status-text.ts';

/**
 * What to tell the user when the relay could not answer; the engine's errors already say what to do.
 * `httpsPage`: a hosted copy calling the relay on loopback, where Chrome's local network permission
 * prompt (or its Block) makes the relay look absent, so that is said too.
 */
export function relayErrorText(error: unknown, httpsPage = false): string {
  const text =
    error instanceof RelayError ? error.message : error instanceof Error && error.message ? `Could not ask the relay: ${error.message}` : RELAY_NOT_RUNNING;
  const unreachable = !(error instanceof RelayError) || error.code === 'unavailable';
  return httpsPage && unreachable ? `${text} ${LOCAL_NETWORK_PROMPT_TEXT}` : text;
}
