import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../demo/test-support/free-port.ts';
import { EXIT_USAGE } from './exit-code.ts';
import { runCliProcess } from './test-support/cli-process.ts';

/** A --junit path that cannot be written is bad usage, said before the run, not a failure after it. */
let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'mcp-auth-flow-junit-'));
  await writeFile(join(folder, 'a-file'), '');
});
afterAll(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

describe('mcp-auth-flow check --junit <file> that cannot be written', () => {
  const cases: Array<[string, () => string, string]> = [
    ['a folder', () => folder, 'is a folder'],
    ['a file in a folder that does not exist', () => join(folder, 'no-such-folder', 'report.xml'), 'does not exist'],
    ['a file under a file', () => join(folder, 'a-file', 'report.xml'), 'is not a folder'],
  ];
  it.each(cases)('%s: exit 2, the reason on stderr, and no run', async (_, path, reason) => {
    // Nothing listens there: a run would end with exit 3, and only after the connection attempt.
    const run = await runCliProcess([`http://127.0.0.1:${await freePort()}/mcp`, '--junit', path()]);
    expect(run.stderr).toContain(`--junit ${path()}`);
    expect(run.stderr).toContain(reason);
    expect(run.stdout).toBe('');
    expect(run.code).toBe(EXIT_USAGE);
  });
});
