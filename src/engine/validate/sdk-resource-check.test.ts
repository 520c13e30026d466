import { describe, expect, it } from 'vitest';
import { sdkClientsAcceptResource } from './sdk-resource-check.ts';

describe('what the SDK clients accept as the resource of https://api.example.com/v1/mcp', () => {
  const server = 'https://api.example.com/v1/mcp';
  it.each([
    ['https://api.example.com/v1/mcp', true],
    ['https://api.example.com/v1', true],
    ['https://api.example.com/v1/', true],
    ['https://api.example.com', true],
    ['https://api.example.com/v1/mcp/tools', false],
    ['https://api.example.com/v', false],
    ['https://other.example.com/v1/mcp', false],
    ['http://api.example.com/v1/mcp', false],
    ['not a url', false],
  ])('%s → %s', (resource, accepted) => {
    expect(sdkClientsAcceptResource(resource, server)).toBe(accepted);
  });
});
