import { afterEach, describe, expect, it } from 'vitest';
import { startFakeServer, type FakeServer } from '../rules/test-support/fake-mcp-auth-server.ts';
import { runFlow } from '../rules/test-support/run-flow.ts';

let fake: FakeServer | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('access token claims a Date or String() cannot take', () => {
  it('are noted as text, and the flow goes on', async () => {
    // 8.64e12 s is past the last time a Date can hold; {"toString": 1} makes String() throw.
    fake = await startFakeServer({ accessTokenClaims: (healthy) => ({ ...healthy, exp: 9e12, iss: { toString: 1 } }) });
    const session = await runFlow(fake);
    expect(session.status).toBe('done');
    const notes = session.steps.flatMap((step) => step.notes);
    expect(notes).toContain('exp = 9000000000000 (out of range: not a date)');
    expect(notes.some((note) => note.startsWith('JWT claims: iss = {"toString":1}, aud = "'))).toBe(true);
  });
});
