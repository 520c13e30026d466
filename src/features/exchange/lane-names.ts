import type { Lane } from '../../engine/model/exchange.ts';

export const LANE_NAMES: Record<Lane, string> = {
  client: 'Browser app',
  mcp: 'MCP server',
  as: 'Authorization server',
  user: 'User / consent',
};
