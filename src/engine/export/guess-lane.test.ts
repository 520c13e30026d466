import { describe, expect, it } from 'vitest';
import { guessLane } from './guess-lane.ts';

describe('guessLane', () => {
  it.each([
    ['https://as.example/.well-known/oauth-authorization-server', 'as'],
    ['https://as.example/.well-known/oauth-authorization-server/tenant', 'as'],
    ['https://as.example/tenant/.well-known/openid-configuration', 'as'],
    ['https://as.example/oauth/token', 'as'],
    ['https://as.example/connect/register/', 'as'],
    ['https://as.example/Authorize?client_id=x', 'as'],
    ['https://mcp.example/.well-known/oauth-protected-resource/mcp', 'mcp'],
    ['https://mcp.example/mcp', 'mcp'],
    ['https://mcp.example/tokens', 'mcp'],
    ['not a url', 'mcp'],
  ])('%s → %s', (url, lane) => {
    expect(guessLane(url)).toBe(lane);
  });
});
