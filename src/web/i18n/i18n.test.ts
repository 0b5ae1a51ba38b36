import { describe, expect, it } from 'vitest';
import { enUS } from './en-US.ts';
import { zhCN } from './zh-CN.ts';

/** Every leaf as a dotted key with its value, so missing keys and empty strings are both visible. */
function flatten(value: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      for (const [key, leaf] of flatten(v, prefix ? `${prefix}.${k}` : k)) out.set(key, leaf);
    }
  } else {
    out.set(prefix, value);
  }
  return out;
}

describe('i18n resources', () => {
  const zh = flatten(zhCN);
  const en = flatten(enUS);

  it('zh-CN and en-US have the same keys', () => {
    expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
  });

  it('has no empty or non-string values', () => {
    for (const [lang, map] of [
      ['zh-CN', zh],
      ['en-US', en],
    ] as const) {
      const bad = [...map].filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => k);
      expect(bad, lang).toEqual([]);
    }
  });

  it('uses the same interpolation variables in both languages', () => {
    const vars = (s: unknown) => [...String(s).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [key, value] of zh) expect(vars(en.get(key)), key).toEqual(vars(value));
  });
});
