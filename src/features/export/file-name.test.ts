import { describe, expect, it } from 'vitest';
import { exportFileName } from './file-name.ts';

describe('exportFileName', () => {
  const now = new Date(2026, 0, 2, 3, 4, 5);

  it('names the host and the local time', () => {
    expect(exportFileName('https://mcp.example.com/mcp', 'har', now)).toBe('mcp-auth-flow-mcp.example.com-20260102-030405.har');
  });

  it('keeps the port without a colon, and copes with a bad URL', () => {
    expect(exportFileName('http://127.0.0.1:3000/mcp', 'json', now)).toBe('mcp-auth-flow-127.0.0.1-3000-20260102-030405.json');
    expect(exportFileName('', 'json', now)).toBe('mcp-auth-flow-trace-20260102-030405.json');
  });
});
