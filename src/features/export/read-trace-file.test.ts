import { describe, expect, it } from 'vitest';
import { buildHar } from '../../engine/export/har.ts';
import { secretSession } from '../../engine/export/test-support/secret-session.ts';
import { readTraceFile } from './read-trace-file.ts';

describe('readTraceFile', () => {
  it('imports a file', async () => {
    const file = new File([JSON.stringify(buildHar(secretSession()))], 'run.har');
    expect(await readTraceFile(file)).toMatchObject({ source: 'har' });
  });

  it('refuses a file over 25 MB before reading it', async () => {
    const file = { name: 'big.har', size: 30 * 1024 * 1024, text: () => Promise.reject(new Error('read')) };
    expect(await readTraceFile(file)).toEqual({ fileName: 'big.har', error: 'big.har is 30.0 MB; files up to 25 MB can be imported.' });
  });

  it('reports a file that cannot be read', async () => {
    const file = { name: 'gone.har', size: 10, text: () => Promise.reject(new Error('NotReadableError')) };
    expect(await readTraceFile(file)).toEqual({ fileName: 'gone.har', error: 'gone.har could not be read.' });
  });
});
