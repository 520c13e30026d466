import { ImportNotices, type CutKind } from './import-notices.ts';

/** A problem with an imported file, in words for the user. Caught by importTrace, never thrown past it. */
export class TraceError extends Error {
  override name = 'TraceError';
}

/**
 * Typed, checked reads from parsed JSON of unknown shape. Only own properties are read, so keys
 * like `__proto__` or `constructor` are plain data; each error names the path of the bad field.
 * Every text and list read is cut to IMPORT_LIMITS, and the cut is noted in `notices` (shared by
 * every Fields of one file), so no single value can make a view slow.
 */
export class Fields {
  private constructor(
    private readonly value: Record<string, unknown>,
    readonly where: string,
    readonly notices: ImportNotices,
  ) {}

  static of(value: unknown, where: string, notices: ImportNotices = new ImportNotices()): Fields {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new TraceError(`${where || 'The file'} should be an object.`);
    return new Fields(value as Record<string, unknown>, where, notices);
  }

  /** A member of this object, or an item of one of its lists, read with the same notices. */
  child(value: unknown, where: string): Fields {
    return Fields.of(value, where, this.notices);
  }

  raw(key: string): unknown {
    return Object.hasOwn(this.value, key) ? this.value[key] : undefined;
  }

  /** Present and not null. */
  has(key: string): boolean {
    const value = this.raw(key);
    return value !== undefined && value !== null;
  }

  path(key: string): string {
    return this.where ? `${this.where}.${key}` : key;
  }

  string(key: string): string {
    const value = this.raw(key);
    if (typeof value !== 'string') throw new TraceError(`${this.path(key)} is missing or not text.`);
    return this.notices.text(value);
  }

  /** A body: text with the larger body limit, and whether it was cut to it. */
  optionalBody(key: string): { text: string; cut: boolean } | undefined {
    const value = this.raw(key);
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') throw new TraceError(`${this.path(key)} is not text.`);
    const text = this.notices.text(value, 'bodyChars');
    return { text, cut: text.length < value.length };
  }

  optionalString(key: string): string | undefined {
    return this.has(key) ? this.string(key) : undefined;
  }

  number(key: string): number {
    const value = this.raw(key);
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new TraceError(`${this.path(key)} is missing or not a number.`);
    return value;
  }

  optionalNumber(key: string): number | undefined {
    return this.has(key) ? this.number(key) : undefined;
  }

  optionalBoolean(key: string): boolean | undefined {
    if (!this.has(key)) return undefined;
    const value = this.raw(key);
    if (typeof value !== 'boolean') throw new TraceError(`${this.path(key)} should be true or false.`);
    return value;
  }

  oneOf<T extends string>(key: string, allowed: readonly T[]): T {
    const value = this.raw(key);
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    const seen = typeof value === 'string' ? `, not "${clip(value)}"` : '';
    throw new TraceError(`${this.path(key)} should be one of ${allowed.join(', ')}${seen}.`);
  }

  optionalOneOf<T extends string>(key: string, allowed: readonly T[]): T | undefined {
    return this.has(key) ? this.oneOf(key, allowed) : undefined;
  }

  object(key: string): Fields {
    return this.child(this.raw(key), this.path(key));
  }

  optionalObject(key: string): Fields | undefined {
    return this.has(key) ? this.object(key) : undefined;
  }

  /** The member as Fields when it is an object, otherwise undefined: for files whose shape varies by tool. */
  looseObject(key: string): Fields | undefined {
    const value = this.raw(key);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? this.child(value, this.path(key)) : undefined;
  }

  /** The list cut to its limit: `kind` says which (exchanges, headers, or any other list). */
  list(key: string, kind: CutKind = 'listItems'): unknown[] {
    const value = this.raw(key);
    if (!Array.isArray(value)) throw new TraceError(`${this.path(key)} is missing or not a list.`);
    return this.notices.keep(kind, value);
  }

  objects(key: string, kind: CutKind = 'listItems'): Fields[] {
    return this.list(key, kind).map((item, index) => this.child(item, `${this.path(key)}[${index}]`));
  }

  strings(key: string): string[] {
    return this.list(key).map((item, index) => {
      if (typeof item !== 'string') throw new TraceError(`${this.path(key)}[${index}] should be text.`);
      return this.notices.text(item);
    });
  }

  optionalStrings(key: string): string[] | undefined {
    return this.has(key) ? this.strings(key) : undefined;
  }
}

function clip(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}
