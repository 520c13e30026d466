import { afterEach, describe, expect, it } from 'vitest';
import { startFakeServer, type FakeServer } from '../engine/rules/test-support/fake-mcp-auth-server.ts';
import { FORM_WORDS } from '../engine/rules/test-support/rendered-text.ts';
import type { CliOptions } from './args.ts';
import { runCli } from './run.ts';

let fake: FakeServer | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function cliOutput(options: Partial<CliOptions>): Promise<string> {
  const out: string[] = [];
  await runCli(
    { serverUrl: fake!.mcpUrl, spec: '2025-06-18', json: false, audit: false, timeoutMs: 2_000, toolArgs: {}, notices: [], ...options },
    { stdout: (text) => out.push(text), stderr: () => undefined },
  );
  return out.join('');
}

describe('the CLI speaks of flags, and links the spec version it ran', () => {
  it('an authorization server without registration: the fix names --client-id, no form field, and the link is 2025-06-18’s', async () => {
    fake = await startFakeServer({ asMetadata: ({ registration_endpoint: _, ...rest }) => ({ ...rest, client_id_metadata_document_supported: false }) });
    const text = await cliOutput({});
    expect(text).toContain('registration.unavailable');
    expect(text).toContain('give its client id (`--client-id`)');
    expect(text).not.toMatch(FORM_WORDS);
    const specLinks = [...text.matchAll(/see: (https:\/\/modelcontextprotocol\.io\/specification\/[^\s]+)/g)].map((match) => match[1]);
    expect(specLinks).toContain('https://modelcontextprotocol.io/specification/2025-06-18/basic/authorization#dynamic-client-registration');
    expect(specLinks.filter((link) => !link!.includes('/2025-06-18/'))).toEqual([]);
  });

  it('a scope override: the fix names --scope', async () => {
    fake = await startFakeServer();
    const text = await cliOutput({ spec: '2026-07-28', scope: 'mcp admin' });
    expect(text).toContain('scope.override');
    expect(text).toContain('Run without the scope override (`--scope`)');
    expect(text).not.toMatch(FORM_WORDS);
  });
});
