import { spawn } from 'node:child_process';

/**
 * Opens `url` in the system browser when there is one. Failure is fine: the URL is printed too.
 * (Windows: rundll32 rather than `cmd /c start`, which would split the URL at every `&`.)
 */
export function openSystemBrowser(url: string): void {
  const platform = process.platform;
  if (platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return;
  const [command, args]: [string, string[]] =
    platform === 'darwin' ? ['open', [url]] : platform === 'win32' ? ['rundll32', ['url.dll,FileProtocolHandler', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No opener on this system.
  }
}
