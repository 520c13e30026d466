import { isLoopbackHost } from './loopback-host.ts';

/**
 * The one gate for every URL the tool opens or navigates to: the login popup, the full-page
 * redirect, the CLI's system browser. Such URLs come from servers being inspected, which may be
 * hostile. OAuth 2.1 §1.5 and RFC 8414 §2 require https endpoints; plain http is tolerated on a
 * loopback host for local development. Every other scheme is refused: javascript: and vbscript:
 * run script, file: reads local files, data: and blob: show a server's page under a trusted
 * origin, and ms-settings: or any custom scheme launches another application.
 */
export type UrlVerdict =
  /** https, or http on a loopback host: may be opened. `url.href` is what to open. */
  | { kind: 'allowed'; url: URL }
  /** Plain http on a host that is not loopback: a conforming client stops; only "Continue anyway" opens it. */
  | { kind: 'insecure'; url: URL; reason: string }
  /** Never opened, whatever the user chooses. */
  | { kind: 'refused'; reason: string };

export const HTTPS_RULE = 'OAuth 2.1 (§1.5) and RFC 8414 (§2) require https endpoints; http is tolerated only on a loopback host';

export function judgeUrl(value: string): UrlVerdict {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { kind: 'refused', reason: 'it is not an absolute URL' };
  }
  if (url.protocol === 'https:') return { kind: 'allowed', url };
  if (url.protocol === 'http:') {
    if (isLoopbackHost(url.hostname)) return { kind: 'allowed', url };
    return { kind: 'insecure', url, reason: `it is plain http on ${url.hostname}, which is not a loopback host` };
  }
  return { kind: 'refused', reason: `the scheme "${url.protocol}" is never opened, only https (and http on a loopback host)` };
}

/**
 * The URL to hand to a popup, a navigation or the system browser, or the reason it must not be.
 * `insecureHttpAccepted`: the user chose "Continue anyway", so plain http on a public host is opened.
 */
export function openableHref(value: string, options: { insecureHttpAccepted?: boolean } = {}): { href: string } | { refused: string } {
  const verdict = judgeUrl(value);
  if (verdict.kind === 'allowed' || (verdict.kind === 'insecure' && options.insecureHttpAccepted)) return { href: verdict.url.href };
  return { refused: refusalText(value, verdict.reason) };
}

/** `"javascript:…" was not opened: <reason>.`, with the value quoted (and cut) so it reads as data. */
export function refusalText(value: string, reason: string): string {
  return `${JSON.stringify(value.slice(0, 200))} was not opened: ${reason}.`;
}
