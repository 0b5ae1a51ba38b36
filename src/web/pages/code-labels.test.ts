import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * A code's label is shown alone: "家庭困难", not "2 家庭困难"; "教育", not "P 教育". The codes are the
 * national tables' (行业门类, 困难生类别, 单位性质) and mean nothing to a reader; filters match on the label.
 * The pattern caught is a template that puts a value before the label looked up by that same value.
 */

const CODE_THEN_LABEL = /`\$\{([\w.]+)\} \$\{t\(`[\w.]+\.\$\{\1(?: as [^}]+)?\}`\)\}`/g;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('code labels in the web app', () => {
  it('never puts the raw code before its label', () => {
    const found = sources(import.meta.dirname).flatMap((path) =>
      [...readFileSync(path, 'utf8').matchAll(CODE_THEN_LABEL)].map(
        (m) => `${path.slice(import.meta.dirname.length + 1)}: ${m[0]}`,
      ),
    );
    expect(found).toEqual([]);
  });

  it('recognises the pattern it forbids', () => {
    const sample =
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the sample is source text, not a template
      "label: `${i} ${t(`cases.industries.${i}`)}`, x: `${g.code} ${t(`graduates.difficulties.${g.code as '0'}`)}`";
    expect([...sample.matchAll(CODE_THEN_LABEL)]).toHaveLength(2);
  });
});
