/**
 * Why the relay gave no answer, in words a user can act on.
 * - unavailable: not running, or not reachable from this page;
 * - secret: it was restarted and has a new secret;
 * - refused: it refused this origin or this request (the message says which);
 * - too-large: the request is over the relay's cap;
 * - bad-answer: something else answered at the relay's address.
 */
export type RelayErrorCode = 'unavailable' | 'secret' | 'refused' | 'too-large' | 'bad-answer';

export class RelayError extends Error {
  constructor(
    readonly code: RelayErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RelayError';
  }
}

export const RELAY_NOT_RUNNING =
  'The relay is not running. Start it with npm start (it starts with the demo), then reload the app so it gets the relay’s address and secret.';
