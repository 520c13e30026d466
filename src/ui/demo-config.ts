import { useQuery } from '@tanstack/react-query';
import { appBaseUrl } from './app-base.ts';

/** Served by `npm start` (src/demo); absent when the app is hosted on its own. */
export interface DemoScenario {
  id: string;
  title: string;
  /** One line on what breaks, in a server developer's words. */
  breaks: string;
  mcpUrl: string;
  /** For a server without registration: the client id registered in advance (the teacher enters it). */
  clientId?: string;
  /** The spec version to speak to it, when not the latest (the 2025-03-26 server). */
  spec?: string;
}

export interface DemoConfig {
  mcpServerUrl: string;
  authorizationServerUrl: string;
  appUrl: string;
  scenarios?: DemoScenario[];
  /** The CORS relay and the secret made at this start (handed out only to the app's own origin). */
  relay?: { url: string; secret: string };
}

/**
 * A linked run (`?run=1`) waits for this answer, so a config that never comes counts as none after
 * a while: the run then goes on without the relay, as on a host without the demo.
 */
const DEMO_CONFIG_TIMEOUT_MS = 5_000;

async function fetchDemoConfig(): Promise<DemoConfig | null> {
  try {
    // Relative to the app's base: under a sub-path the host's root is not ours to ask.
    const response = await fetch(new URL('__demo/config.json', appBaseUrl()), {
      headers: { Accept: 'application/json' },
      signal: AbortSignal.timeout(DEMO_CONFIG_TIMEOUT_MS),
    });
    if (!response.ok) return null;
    const value = (await response.json()) as Partial<DemoConfig>;
    return typeof value.mcpServerUrl === 'string' && typeof value.authorizationServerUrl === 'string' ? (value as DemoConfig) : null;
  } catch {
    return null;
  }
}

export function useDemoConfig() {
  return useQuery({ queryKey: ['demo-config'], queryFn: fetchDemoConfig, staleTime: Infinity, retry: false });
}
