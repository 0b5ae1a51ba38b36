import { randomUUID } from 'node:crypto';
import { z } from 'zod';

/*
 * The pieces of the bad-input fuzz test (bad-input.test.ts): a valid sample for a route's JSON Schema (so that
 * one bad value at a time reaches as far into the route as validation lets it), the slots of a request (each
 * query parameter, path parameter and body field, one level into objects and arrays), and the corpus of bad
 * values per kind of slot.
 */

export type TJsonSchema = {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  items?: TJsonSchema;
  properties?: Record<string, TJsonSchema>;
  anyOf?: TJsonSchema[];
  oneOf?: TJsonSchema[];
  allOf?: TJsonSchema[];
  default?: unknown;
};

/** The request-side JSON Schema of a route's Zod schema part (querystring, params, body). */
export function inputSchema(schema: unknown): TJsonSchema | null {
  if (!schema || !(schema instanceof z.ZodType)) return null;
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as TJsonSchema;
}

/** Values that match the patterns request schemas use (region, major, nature and industry codes …). */
const PATTERN_CANDIDATES = [
  '520100',
  '520000',
  '52',
  '0809',
  '080901',
  '39',
  '2',
  'I',
  'abc_def',
  '123456',
  '10657',
  '4152010657',
];

/** Valid strings for fields whose rules a JSON Schema cannot say (password policy, phones, reveal reasons). */
const BY_KEY: Record<string, string> = {
  password: 'Fuzz-pass-2020',
  newPassword: 'Fuzz-pass-2021',
  currentPassword: 'Test-pass-2020',
  username: 'fuzz_user',
  phone: '13800000000',
  contactPhone: '13800000000',
  reason: '核对就业协议信息',
};

/** Ids of the test world, chosen by the name of the field or path parameter. */
export type TIds = Record<string, string>;

function pickId(key: string, ids: TIds): string {
  return ids[key] ?? ids[key.replace(/s$/, '')] ?? randomUUID();
}

/** One schema branch that is not `null` (nullable fields get a real value). */
function branch(s: TJsonSchema): TJsonSchema {
  const options = s.anyOf ?? s.oneOf;
  if (options) return options.find((o) => o.type !== 'null') ?? options[0]!;
  if (s.allOf?.length) return Object.assign({}, ...s.allOf);
  return s;
}

/** A valid value for `s` (best effort: patterns from a candidate list, ids from the world by field name). */
export function sample(s: TJsonSchema, key: string, ids: TIds): unknown {
  const b = branch(s);
  if (b.const !== undefined) return b.const;
  if (b.enum?.length) return b.enum[0];
  const type = Array.isArray(b.type) ? b.type.find((t) => t !== 'null') : b.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, p] of Object.entries(b.properties ?? {})) out[k] = sample(p, k, ids);
      return out;
    }
    case 'array':
      return Array.from({ length: Math.max(1, b.minItems ?? 1) }, () => sample(b.items ?? {}, key, ids));
    case 'integer':
    case 'number': {
      const min = b.minimum ?? (b.exclusiveMinimum !== undefined ? b.exclusiveMinimum + 1 : undefined);
      if (key === 'cohort' || (min !== undefined && min >= 1900)) return 2020;
      return Math.min(Math.max(min ?? 1, 1), b.maximum ?? Number.MAX_SAFE_INTEGER);
    }
    case 'boolean':
      return false;
    case 'string': {
      if (BY_KEY[key]) return BY_KEY[key];
      if (b.format === 'uuid') return pickId(key, ids);
      if (b.format === 'date') return '2020-07-01';
      if (b.format === 'date-time') return '2020-07-01T00:00:00+08:00';
      if (b.pattern) {
        const re = new RegExp(b.pattern);
        const hit = PATTERN_CANDIDATES.find((c) => re.test(c));
        if (hit) return hit;
      }
      return '测试'.repeat(Math.max(1, Math.ceil((b.minLength ?? 2) / 2))).slice(0, b.maxLength ?? 100);
    }
    default:
      return b.default ?? null;
  }
}

export type TKind =
  | 'text'
  | 'date'
  | 'datetime'
  | 'uuid'
  | 'number'
  | 'enum'
  | 'boolean'
  | 'array'
  | 'object';

export function kindOf(s: TJsonSchema): TKind {
  const b = branch(s);
  if (b.enum || b.const !== undefined) return 'enum';
  const type = Array.isArray(b.type) ? b.type.find((t) => t !== 'null') : b.type;
  if (type === 'string')
    return b.format === 'date'
      ? 'date'
      : b.format === 'date-time'
        ? 'datetime'
        : b.format === 'uuid'
          ? 'uuid'
          : 'text';
  if (type === 'integer' || type === 'number') return 'number';
  if (type === 'boolean') return 'boolean';
  if (type === 'array') return 'array';
  if (type === 'object') return 'object';
  return 'text';
}

/** Bad values per kind: what the 2026 probe sent, and the neighbours of each. */
export const BAD: Record<TKind, unknown[]> = {
  text: ['a\u0000b', '\u0000', 'a\ud800b', '\udc00', 'a\u0007\u001bb', 'x'.repeat(20_000)],
  date: [
    '2026-02-30',
    '0000-00-00',
    '2020-02-30',
    '2020-06-31',
    '2019-02-29',
    '2020-13-01',
    '0000-01-01',
    'a\u0000',
  ],
  datetime: ['2026-02-30T00:00:00Z', '0000-01-01T00:00:00Z', '2020-07-01T25:00:00Z', 'a\u0000'],
  uuid: ['not-a-uuid', '00000000-0000-0000-0000-00000000000\u0000', "1' or '1'='1"],
  number: ['abc', '1e400', 1e300, -1e300, 1.5, 'a\u0000'],
  enum: ['no_such_value', 'a\u0000'],
  boolean: ['maybe', 'a\u0000'],
  array: ['not-an-array', ['a\u0000'], [{ x: '\u0000' }]],
  object: ['not-an-object', ['a\u0000']],
};

export type TSlot = { where: 'query' | 'params' | 'body'; path: (string | number)[]; kind: TKind };

/** Each query parameter, path parameter and body field, one level into objects and arrays of the body. */
export function slotsOf(parts: {
  query: TJsonSchema | null;
  params: TJsonSchema | null;
  body: TJsonSchema | null;
}) {
  const slots: TSlot[] = [];
  for (const where of ['query', 'params'] as const) {
    for (const [k, p] of Object.entries(parts[where]?.properties ?? {}))
      slots.push({ where, path: [k], kind: kindOf(p) });
  }
  const body = parts.body ? branch(parts.body) : null;
  for (const [k, p] of Object.entries(body?.properties ?? {})) {
    const kind = kindOf(p);
    slots.push({ where: 'body', path: [k], kind });
    const inner = branch(p);
    if (kind === 'object')
      for (const [k2, p2] of Object.entries(inner.properties ?? {}))
        slots.push({ where: 'body', path: [k, k2], kind: kindOf(p2) });
    if (kind === 'array' && inner.items) {
      const item = branch(inner.items);
      slots.push({ where: 'body', path: [k, 0], kind: kindOf(item) });
      for (const [k2, p2] of Object.entries(item.properties ?? {}))
        slots.push({ where: 'body', path: [k, 0, k2], kind: kindOf(p2) });
    }
  }
  return slots;
}

/** `base` with the value at `path` replaced (a deep copy). */
export function withValue<T>(base: T, path: (string | number)[], value: unknown): T {
  const copy = structuredClone(base) as Record<string | number, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) {
    if (at[key] === null || typeof at[key] !== 'object') at[key] = typeof path[1] === 'number' ? [] : {};
    at = at[key] as Record<string | number, unknown>;
  }
  at[path[path.length - 1]!] = value;
  return copy as T;
}

/**
 * A URL cannot carry a lone surrogate: a client sends invalid UTF-8 and the server reads U+FFFD, an ordinary
 * character (a search for it may well succeed, and an export of it is audited). Those values go in bodies only.
 */
export function fitsUrl(v: unknown): boolean {
  return typeof v !== 'string' || !/[\ud800-\udfff]/.test(v);
}

export function urlValue(v: unknown): string {
  return encodeURIComponent(typeof v === 'string' ? v : JSON.stringify(v));
}
