/** `mcp-auth-flow-<host>-<yyyymmdd-hhmmss>.<extension>`, in the user's local time, safe on every file system. */
export function exportFileName(serverUrl: string, extension: 'har' | 'json', now: Date = new Date()): string {
  return `mcp-auth-flow-${hostPart(serverUrl)}-${timestamp(now)}.${extension}`;
}

function hostPart(serverUrl: string): string {
  try {
    // The port's colon is not allowed in Windows file names.
    return new URL(serverUrl).host.replace(/[^A-Za-z0-9.-]+/g, '-') || 'trace';
  } catch {
    return 'trace';
  }
}

function timestamp(now: Date): string {
  const two = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}${two(now.getMonth() + 1)}${two(now.getDate())}-${two(now.getHours())}${two(now.getMinutes())}${two(now.getSeconds())}`;
}
