import type { HeaderList } from '../model/header-list.ts';
import { isForbiddenRequestHeader } from '../relay/contract.ts';

/** Fetch §2.2.1 "CORS-safelisted method". */
export function isSafelistedMethod(method: string): boolean {
  return method === 'GET' || method === 'HEAD' || method === 'POST';
}

/**
 * Headers the browser sets itself, so a script's value is never sent and never makes a preflight:
 * Fetch's "forbidden request-header" list (relay/contract.ts, shared with the relay), plus
 * User-Agent. Fetch no longer forbids User-Agent, but Chromium still drops it (crbug.com/571722)
 * and oauth4webapi sets none in a browser; it is only ever present when the engine runs in Node,
 * where nothing is preflighted at all.
 */
function isSetByTheBrowser(name: string, value: string): boolean {
  return isForbiddenRequestHeader(name, value) || name.toLowerCase() === 'user-agent';
}

/** Fetch "CORS-unsafe request-header byte". */
// eslint-disable-next-line no-control-regex -- the control bytes are the point: Fetch lists them as unsafe
const UNSAFE_BYTE = /[\x00-\x08\x0a-\x1f"():<>?@[\\\]{}\x7f]/;
const LANGUAGE_VALUE = /^[0-9A-Za-z *,\-.;=]*$/;
const SAFELISTED_CONTENT_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
const SIMPLE_RANGE = /^bytes=(\d+)-(\d*)$/;

/** Fetch §2.2.2 "CORS-safelisted request-header". */
export function isSafelistedRequestHeader(name: string, value: string): boolean {
  if (value.length > 128) return false;
  switch (name.toLowerCase()) {
    case 'accept':
      return !UNSAFE_BYTE.test(value);
    case 'accept-language':
    case 'content-language':
      return LANGUAGE_VALUE.test(value);
    case 'content-type':
      return !UNSAFE_BYTE.test(value) && SAFELISTED_CONTENT_TYPES.includes(mimeEssence(value));
    case 'range': {
      const range = SIMPLE_RANGE.exec(value);
      return !!range && (range[2] === '' || Number(range[1]) <= Number(range[2]));
    }
    default:
      return false;
  }
}

/** The MIME type's essence ("application/json" of "Application/JSON; charset=utf-8"). */
function mimeEssence(value: string): string {
  return (value.split(';')[0] ?? '').trim().toLowerCase();
}

/**
 * Fetch §2.2.2 "CORS-unsafe request-header names": the names a preflight must ask about, lower-case,
 * sorted, without repeats. Safelisted headers become unsafe too once their values pass 1024 bytes.
 */
export function corsUnsafeRequestHeaderNames(headers: HeaderList): string[] {
  const unsafe: string[] = [];
  const potentiallyUnsafe: string[] = [];
  let safelistValueSize = 0;
  for (const [name, value] of headers) {
    if (isSetByTheBrowser(name, value)) continue;
    if (isSafelistedRequestHeader(name, value)) {
      potentiallyUnsafe.push(name);
      safelistValueSize += value.length;
    } else {
      unsafe.push(name);
    }
  }
  if (safelistValueSize > 1024) unsafe.push(...potentiallyUnsafe);
  return [...new Set(unsafe.map((name) => name.toLowerCase()))].sort();
}
