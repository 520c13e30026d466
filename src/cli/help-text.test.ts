import { describe, expect, it } from 'vitest';
import { USAGE as CHECK_USAGE } from './args.ts';
import { USAGE as TOP_USAGE } from './dispatch.ts';

describe('the help a new user reads', () => {
  it('check --help names the check command, keeps the short form, and lists --version like every other subcommand', () => {
    expect(CHECK_USAGE).toMatch(/^Usage: mcp-auth-flow check <server-url> \[options\]\n/);
    expect(CHECK_USAGE).toContain('mcp-auth-flow <server-url> [options]');
    expect(CHECK_USAGE).toMatch(/-V, --version\s+print the version/);
  });

  it('the top-level help gives the same four exit codes check --help documents', () => {
    for (const code of ['0', '1', '2', '3']) expect(CHECK_USAGE).toMatch(new RegExp(`^  ${code}  `, 'm'));
    expect(TOP_USAGE).toContain('exit code 0, 1, 2 or 3');
  });
});
