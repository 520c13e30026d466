import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * No regex in the engine or the UI may backtrack super-linearly (a hostile server's text goes
 * through them). This reads every regex literal and every `new RegExp(…)` in the non-test sources
 * and asks recheck, an ReDoS checker that proves a pattern safe or finds an attack string.
 */
const FOLDERS = ['src/engine', 'src/features', 'src/app', 'src/ui', 'src/cli'];
const ROOT = join(import.meta.dirname, '..', '..');

/**
 * Patterns recheck calls vulnerable or cannot decide, each proved linear another way. Keyed by
 * `file: /source/flags`. Keep it short: prefer rewriting the pattern or scanning by hand.
 */
const PROVED_SAFE: Record<string, string> = {
  // (none yet)
};

interface Found {
  where: string;
  source: string;
  flags: string;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file) && !file.split(/[\\/]/).includes('test-support'))
    .map((file) => join(ROOT, folder, file));
}

function regexesIn(file: string): { found: Found[]; dynamic: string[] } {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: Found[] = [];
  const dynamic: string[] = [];
  const name = relative(ROOT, file);
  const visit = (node: ts.Node): void => {
    if (ts.isRegularExpressionLiteral(node)) {
      const literal = node.text;
      const end = literal.lastIndexOf('/');
      found.push({
        where: `${name}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`,
        source: literal.slice(1, end),
        flags: literal.slice(end + 1),
      });
    } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
      const [pattern, flags] = node.arguments ?? [];
      const where = `${name}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
      if (pattern && ts.isStringLiteralLike(pattern) && (!flags || ts.isStringLiteralLike(flags)))
        found.push({ where, source: pattern.text, flags: flags?.text ?? '' });
      else dynamic.push(where);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { found, dynamic };
}

const all = FOLDERS.flatMap(sourceFiles).map(regexesIn);
const FOUND = all.flatMap((entry) => entry.found);
const DYNAMIC = all.flatMap((entry) => entry.dynamic);

describe('every regex in the engine and the UI is linear', () => {
  it('finds the regexes (the scan itself works)', () => {
    expect(FOUND.length).toBeGreaterThan(20);
  });

  it('builds no regex from runtime text, which no checker could vouch for', () => {
    expect(DYNAMIC).toEqual([]);
  });

  it('has none that recheck calls vulnerable', { timeout: 120_000 }, () => {
    const { checkSync } = createRequire(import.meta.url)('recheck') as {
      checkSync: (source: string, flags: string) => { status: string; attack?: { pattern?: string } };
    };
    const unsafe: string[] = [];
    for (const { where, source, flags } of FOUND) {
      const key = `${where.replace(/:\d+$/, '')}: /${source}/${flags}`;
      if (PROVED_SAFE[key]) continue;
      const result = checkSync(source, flags);
      if (result.status !== 'safe') unsafe.push(`${key} (${where}) is ${result.status}${result.attack?.pattern ? `, e.g. ${result.attack.pattern}` : ''}`);
    }
    expect(unsafe).toEqual([]);
  });
});
