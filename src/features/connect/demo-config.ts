import { useQuery } from '@tanstack/react-query';

/** Served by `npm start` (src/demo); absent when the app is hosted on its own. */
export interface DemoConfig {
  mcpServerUrl: string;
  authorizationServerUrl: string;
  appUrl: string;
}

async function fetchDemoConfig(): Promise<DemoConfig | null> {
  try {
    const response = await fetch('/__demo/config.json', { headers: { Accept: 'application/json' } });
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
