import { IMPORT_LIMITS } from './import-limits.ts';

/** What an import can cut to its limit (see IMPORT_LIMITS). */
export type CutKind = 'exchanges' | 'steps' | 'headersPerMessage' | 'bodyChars' | 'textChars' | 'listItems';

const WHAT: Record<CutKind, { one: string; many: string; unit: string }> = {
  exchanges: { one: 'the file', many: 'files', unit: 'exchanges' },
  steps: { one: 'the file', many: 'files', unit: 'steps' },
  headersPerMessage: { one: 'message', many: 'messages', unit: 'headers' },
  bodyChars: { one: 'body', many: 'bodies', unit: 'characters' },
  textChars: { one: 'text field', many: 'text fields', unit: 'characters' },
  listItems: { one: 'list', many: 'lists', unit: 'items' },
};

const number = (value: number) => value.toLocaleString('en-US');

/**
 * Collects what an import cut or repaired, as sentences for the app to show. Cuts of one kind are
 * counted, not listed one by one, so a file with a million over-long values still gives one line.
 */
export class ImportNotices {
  private readonly cuts = new Map<CutKind, { count: number; largest: number }>();
  private readonly repairs: string[] = [];

  /** Keeps the first `limit` of `items`, noting the cut when there were more. */
  keep<T>(kind: CutKind, items: T[]): T[] {
    const limit = IMPORT_LIMITS[kind];
    if (items.length <= limit) return items;
    this.count(kind, items.length);
    return items.slice(0, limit);
  }

  /** The text cut to its limit (textChars unless a body), noting the cut. */
  text(value: string, kind: 'textChars' | 'bodyChars' = 'textChars'): string {
    const limit = IMPORT_LIMITS[kind];
    if (value.length <= limit) return value;
    this.count(kind, value.length);
    return value.slice(0, limit);
  }

  /** A value the file got wrong that the import fixed rather than refusing the file. */
  repaired(sentence: string): void {
    // A file can repeat the same mistake thousands of times; the first few say enough.
    if (this.repairs.length < 5) this.repairs.push(sentence);
    else if (this.repairs.length === 5) this.repairs.push('More values were repaired the same way.');
  }

  list(): string[] {
    const cuts = [...this.cuts].map(([kind, { count, largest }]) => {
      const { one, many, unit } = WHAT[kind];
      const limit = number(IMPORT_LIMITS[kind]);
      return count === 1
        ? `Cut to the import limit: ${one === 'the file' ? one : `1 ${one}`} has ${number(largest)} ${unit}; only the first ${limit} are kept.`
        : `Cut to the import limit: ${number(count)} ${many} have more than ${limit} ${unit} (up to ${number(largest)}); only the first ${limit} of each are kept.`;
    });
    return [...cuts, ...this.repairs];
  }

  private count(kind: CutKind, size: number): void {
    const seen = this.cuts.get(kind) ?? { count: 0, largest: 0 };
    this.cuts.set(kind, { count: seen.count + 1, largest: Math.max(seen.largest, size) });
  }
}
