import { spawn } from 'node:child_process';
import { judgeUrl } from '../engine/security/openable-url.ts';

export interface OpenerSystem {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  /** Starts the opener; the real one by default, a spy in tests. */
  spawn: (command: string, args: string[]) => void;
}

const REAL_SYSTEM: OpenerSystem = {
  platform: process.platform,
  env: process.env,
  spawn: (command, args) => {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  },
};

/**
 * Opens `url` in the system browser when there is one. Failure is fine: the URL is printed too.
 *
 * Only an http(s) URL ever reaches the opener (the caller has already applied the full gate of
 * src/engine/security/openable-url.ts; this is the last line). System openers hand any other
 * scheme to whatever program claims it: file: runs a local file, ms-settings: opens settings,
 * a custom scheme launches its application.
 *
 * Windows: `explorer.exe <url>`, not `rundll32 url.dll,FileProtocolHandler` (that opener runs
 * whatever path or scheme it is given: the class of a published remote-code-execution flaw in an
 * MCP OAuth client) nor `cmd /c start` (a shell: `&` in the URL would start a second command).
 * explorer.exe gets one argument with no shell in between, and an http(s) URL goes to the
 * registered browser. explorer.exe splits its own arguments at commas (`/select,<path>`), so
 * commas are percent-encoded: no part of the URL can become a second argument such as a path.
 */
export function openSystemBrowser(url: string, system: OpenerSystem = REAL_SYSTEM): void {
  const verdict = judgeUrl(url);
  if (verdict.kind === 'refused') return;
  const href = verdict.url.href;
  const { platform, env } = system;
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return;
  const [command, args]: [string, string[]] =
    platform === 'darwin' ? ['open', [href]] : platform === 'win32' ? ['explorer.exe', [href.replaceAll(',', '%2C')]] : ['xdg-open', [href]];
  try {
    system.spawn(command, args);
  } catch {
    // No opener on this system.
  }
}
