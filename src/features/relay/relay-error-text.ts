import { RELAY_NOT_RUNNING, RelayError } from '../../engine/relay/relay-error.ts';

/** What to tell the user when the relay could not answer; the engine's errors already say what to do. */
export function relayErrorText(error: unknown): string {
  if (error instanceof RelayError) return error.message;
  if (error instanceof Error && error.message) return `Could not ask the relay: ${error.message}`;
  return RELAY_NOT_RUNNING;
}
