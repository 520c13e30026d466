import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importTrace, type ImportResult } from './import-trace.ts';
import { foreignHar, harJson, reportJson } from './test-support/hostile-traces.ts';

/**
 * HAR and report import fuzzed with a fixed seed (a failure reproduces): valid files with one or
 * more fields replaced by hostile values, and arbitrary JSON. Import must never throw, must answer
 * quickly, and must explain itself: a refusal is one short sentence, a cut or repair a notice.
 */
const SEED = 20_260_107;
const RUNS = 2_000;
/** Per import of these small files; the 2 s promise is for files up to the size limit (import-limits.test.ts). */
const BOUND_MS = 250;

const hostileValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom<unknown>(
    null,
    -1,
    0,
    1e300,
    -1e300,
    8.64e15 + 1,
    '',
    '"',
    '\ud800',
    '\u0000',
    '<script>window.__pwned=1</script>',
    'response',
    'constructor',
    '__proto__',
    [],
    {},
    true,
    [['a', 'b']],
    [{ name: 1 }],
  ),
  fc.string({ maxLength: 30 }),
);

/** Every path to a value in a parsed JSON document. */
function paths(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (typeof value !== 'object' || value === null) return [prefix];
  const members = Array.isArray(value) ? value.map((item, index) => [index, item] as const) : Object.entries(value);
  return [prefix, ...members.flatMap(([key, member]) => paths(member, [...prefix, key]))];
}

function replaced(document: unknown, path: Array<string | number>, value: unknown): unknown {
  if (!path.length) return value;
  const [head, ...rest] = path;
  const copy = (Array.isArray(document) ? [...(document as unknown[])] : { ...(document as Record<string, unknown>) }) as Record<string | number, unknown>;
  copy[head!] = replaced(copy[head!], rest, value);
  return copy;
}

/** A valid file with up to three fields replaced by hostile values. */
function mutated(document: unknown) {
  const all = paths(document);
  return fc
    .array(fc.tuple(fc.nat(all.length - 1), hostileValue), { minLength: 1, maxLength: 3 })
    .map((changes) => JSON.stringify(changes.reduce((current, [index, value]) => replaced(current, all[index]!, value), document)));
}

function checkedImport(text: string): ImportResult {
  const started = performance.now();
  let result: ImportResult | undefined;
  expect(() => (result = importTrace(text))).not.toThrow();
  expect(performance.now() - started).toBeLessThan(BOUND_MS);
  if ('error' in result!) {
    expect(result.error).toMatch(/\S/);
    expect(result.error.length).toBeLessThan(400);
  } else {
    for (const notice of result!.notices) expect(notice.length).toBeLessThan(400);
    for (const exchange of result!.session.exchanges) {
      // What the views rely on, whatever the file said.
      if (exchange.outcome === 'response') expect(exchange.response).toBeDefined();
      expect(Number.isNaN(new Date(exchange.startedAt).getTime())).toBe(false);
    }
  }
  return result!;
}

describe('import fuzz (fixed seed)', () => {
  for (const [name, document] of [
    ['a report', reportJson()],
    ['our HAR', harJson()],
    ['a devtools HAR', JSON.parse(foreignHar({ entries: 3, headers: 3 })) as unknown],
  ] as const) {
    it(`${name} with hostile fields never throws and explains itself`, () => {
      fc.assert(
        fc.property(mutated(document), (text) => void checkedImport(text)),
        { seed: SEED, numRuns: RUNS },
      );
    });
  }

  it('arbitrary JSON and text never throw', () => {
    const anyText = fc.oneof(
      fc.jsonValue({ maxDepth: 5 }).map((value) => JSON.stringify(value) ?? ''),
      fc.string({ maxLength: 200 }),
    );
    const result = fc.sample(anyText, { seed: SEED, numRuns: RUNS }).map((text) => checkedImport(text));
    expect(result.every((item) => 'error' in item)).toBe(true);
  });
});
