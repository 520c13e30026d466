import { readLink, type LinkSetup } from '../ui/share-link.ts';

/** What the page's address asks for when the app loads. */
export interface PageAddress {
  /** A shared setup (`?server=…&run=1`). */
  link: LinkSetup;
  /** Back from a full-page redirect to the authorization server (`?resume=1`). */
  resuming: boolean;
  /** Presenter mode from the start (`?presenter=1`). */
  presenter: boolean;
}

export function readPageAddress(search: string): PageAddress {
  const params = new URLSearchParams(search);
  return { link: readLink(search), resuming: params.get('resume') === '1', presenter: params.get('presenter') === '1' };
}
