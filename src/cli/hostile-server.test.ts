import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_AUTHORIZATION_ENDPOINTS, startHostileServer, type HostileEndpoint, type HostileServer } from '../engine/test-support/hostile-server.ts';
import type { CliOptions } from './args.ts';
import { EXIT_FAILED } from './exit-code.ts';
import { runCli } from './run.ts';

/** The CLI against a hostile server: whatever the metadata says, the system opener gets no refused scheme. */
let hostile: HostileServer;
beforeAll(async () => {
  hostile = await startHostileServer();
});
afterAll(() => hostile.close());

const options = (serverUrl: string): CliOptions => ({ serverUrl, spec: '2025-11-25', json: false, audit: false, timeoutMs: 2_000, toolArgs: {}, notices: [] });

describe('the CLI against a hostile authorization_endpoint', () => {
  it.each(Object.keys(HOSTILE_AUTHORIZATION_ENDPOINTS) as HostileEndpoint[])(
    '%s: the opener is never called, and the run says why it stopped',
    async (variant) => {
      const opened: string[] = [];
      const out: string[] = [];
      const said: string[] = [];
      const code = await runCli(options(hostile.mcpUrl(variant)), {
        stdout: (text) => out.push(text),
        stderr: (line) => said.push(line),
        openBrowser: (url) => opened.push(url),
      });

      expect(opened).toEqual([]);
      expect(code).toBe(EXIT_FAILED);
      const text = out.join('');
      expect(text).toContain('as.endpoint-not-https');
      expect(text).toContain(`authorization_endpoint ${JSON.stringify(HOSTILE_AUTHORIZATION_ENDPOINTS[variant])} is not https`);
      expect(said.join('\n')).not.toContain(HOSTILE_AUTHORIZATION_ENDPOINTS[variant]);
    },
  );
});
