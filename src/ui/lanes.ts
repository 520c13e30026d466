import type { Lane } from '../engine/model/exchange.ts';

/** Left to right, in the order a request usually travels. */
export const LANE_ORDER: readonly Lane[] = ['client', 'mcp', 'as', 'user'];

export const LANE_TITLES: Record<Lane, string> = {
  client: 'Browser app',
  mcp: 'MCP server',
  as: 'Authorization server',
  user: 'User / consent',
};

export function laneIndex(lane: Lane): number {
  return LANE_ORDER.indexOf(lane);
}
