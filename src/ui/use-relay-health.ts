import { useQuery } from '@tanstack/react-query';
import type { RelayEndpoint } from '../engine/relay/relay-endpoint.ts';
import { relayIsHealthy } from '../engine/relay/relay-client.ts';

/** Whether the relay answers GET /health; false at once when the app was served without one. */
export function useRelayHealth(relay: RelayEndpoint | null) {
  return useQuery({
    queryKey: ['relay-health', relay?.url ?? null],
    queryFn: ({ signal }) => (relay ? relayIsHealthy(relay, undefined, signal) : Promise.resolve(false)),
    staleTime: 30_000,
    retry: false,
  });
}
