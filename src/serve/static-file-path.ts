import { resolve, sep } from 'node:path';

/**
 * The file under `root` that a request path names, or null when it names none that may be served.
 * `/` and any path ending in `/` name that folder's index.html (never a listing). Refused: a path
 * that is not percent-decodable, one with a NUL, a backslash or a `..` or `.` segment (decoded
 * first, so `%2e%2e` is caught too), and anything that resolves outside `root`. The caller still
 * checks that the result is a regular file (a folder without the slash is a 404, not a listing).
 */
export function staticFilePath(root: string, requestPath: string): string | null {
  if (!requestPath.startsWith('/')) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').slice(1);
  if (segments.some((segment) => segment === '..' || segment === '.')) return null;
  if (decoded.endsWith('/')) segments[segments.length - 1] = 'index.html';
  const base = resolve(root);
  const file = resolve(base, ...segments);
  return file.startsWith(base + sep) ? file : null;
}
