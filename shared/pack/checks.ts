/**
 * Checking the JSON of a pack field by field, by hand, so that a refusal names the field, the
 * record it belongs to and what is wrong with it, in words: "the field “title” of the document
 * in documents/x.json should be text, but it is a number".
 */

/** A problem with a pack's content; `readPack` reports it as an ImportError naming the file. */
export class PackFormatError extends Error {
  override readonly name = 'PackFormatError';
}

export function fail(reason: string): never {
  throw new PackFormatError(reason);
}

/** What a value is, for a message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'empty (null)';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return value === '' ? 'empty text' : 'text';
    case 'number':
      return Number.isFinite(value) ? `the number ${value}` : 'not a number';
    case 'boolean':
      return `${value}`;
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** ISO 8601 date and time with a time zone, as W3C annotations require. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** The longest text accepted in one field; whole entries have their own size limits. */
const MAX_TEXT = 64 * 1024 * 1024;

/**
 * The fields of one JSON object, read with checks. `what` names the object in messages, e.g.
 * "the document in documents/x.json".
 */
export class Fields {
  private constructor(
    readonly value: Record<string, unknown>,
    readonly what: string,
  ) {}

  /** `value` as an object, or a refusal naming `what`. */
  static of(value: unknown, what: string): Fields {
    if (!isPlainObject(value)) fail(`${what} should be an object, but it is ${describeValue(value)}`);
    return new Fields(value, what);
  }

  has(key: string): boolean {
    return this.value[key] !== undefined;
  }

  /** A refusal about one field. */
  problem(key: string, expected: string): never {
    fail(`the field “${key}” of ${this.what} should be ${expected}, but it is ${describeValue(this.value[key])}`);
  }

  string(key: string, options: { nonEmpty?: boolean; maxLength?: number } = {}): string {
    const v = this.value[key];
    if (typeof v !== 'string') this.problem(key, options.nonEmpty ? 'non-empty text' : 'text');
    if (options.nonEmpty && v.trim() === '') this.problem(key, 'non-empty text');
    if (v.length > (options.maxLength ?? MAX_TEXT)) fail(`the field “${key}” of ${this.what} is ${v.length} characters long, longer than the ${options.maxLength ?? MAX_TEXT} allowed`);
    return v;
  }

  optionalString(key: string, fallback = ''): string {
    return this.has(key) ? this.string(key) : fallback;
  }

  /** One of the given strings. */
  choice<T extends string>(key: string, allowed: readonly T[], fallback?: T): T {
    if (!this.has(key) && fallback !== undefined) return fallback;
    const v = this.value[key];
    if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
      this.problem(key, `one of ${allowed.map((a) => `“${a}”`).join(', ')}`);
    }
    return v as T;
  }

  integer(key: string, min: number, max: number): number {
    const v = this.value[key];
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min || v > max) {
      this.problem(key, `a whole number from ${min} to ${max}`);
    }
    return v;
  }

  optionalInteger(key: string, min: number, max: number, fallback: number): number {
    return this.has(key) ? this.integer(key, min, max) : fallback;
  }

  boolean(key: string): boolean {
    const v = this.value[key];
    if (typeof v !== 'boolean') this.problem(key, 'true or false');
    return v;
  }

  optionalBoolean(key: string, fallback: boolean): boolean {
    return this.has(key) ? this.boolean(key) : fallback;
  }

  /** An ISO 8601 date-time with a time zone, returned in UTC with "Z"; "" when absent and optional. */
  dateTime(key: string, optional = false): string {
    if (optional && !this.has(key)) return '';
    const v = this.value[key];
    if (typeof v !== 'string' || !DATE_TIME.test(v) || Number.isNaN(Date.parse(v))) {
      this.problem(key, 'a date and time such as “2026-03-03T09:00:00Z”');
    }
    return toUtc(v);
  }

  array(key: string, max: number): unknown[] {
    const v = this.value[key];
    if (!Array.isArray(v)) this.problem(key, 'a list');
    if (v.length > max) fail(`the field “${key}” of ${this.what} has ${v.length} entries, more than the ${max} allowed`);
    return v;
  }

  optionalArray(key: string, max: number): unknown[] {
    return this.has(key) ? this.array(key, max) : [];
  }

  /** A list of text. */
  strings(key: string, max: number, options: { maxLength?: number; pattern?: RegExp; describe?: string } = {}): string[] {
    const list = this.array(key, max);
    list.forEach((item, i) => {
      if (typeof item !== 'string' || item.length > (options.maxLength ?? MAX_TEXT) || (options.pattern && !options.pattern.test(item))) {
        fail(`entry ${i + 1} of the field “${key}” of ${this.what} should be ${options.describe ?? 'text'}, but it is ${describeValue(item)}`);
      }
    });
    return list as string[];
  }

  object(key: string, what = `the field “${key}” of ${this.what}`): Fields {
    return Fields.of(this.value[key], what);
  }
}

/** A date-time in UTC with "Z"; one already in that form is returned unchanged. */
export function toUtc(value: string): string {
  if (value.endsWith('Z')) return value;
  return new Date(value).toISOString();
}

/** JSON.parse with a refusal that names the entry. */
export function parseJson(text: string, entryName: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    fail(`its file “${entryName}” is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** UTF-8 bytes as text, refusing bytes that are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array, entryName: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    fail(`its file “${entryName}” is not UTF-8 text`);
  }
}
