import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import type { TCrypto } from '../src/server/crypto.ts';

/**
 * The least work any import that honours the rules must do per row, measured on the same file in the
 * same process: parse the CSV, then encrypt the ID number and the phone (AES-256-GCM) and compute their keyed
 * hashes (HMAC-SHA256) with the app's own crypto — no validation, no database. Raw COPY does none of this, so
 * `rows / floorS` bounds what the importer can reach on one core (docs/benchmarks.md, import).
 */
export async function measureFloor(file: string, crypto: TCrypto) {
  let t = performance.now();
  let rows = 0;
  let idCol = -1;
  let phoneCol = -1;
  for await (const rec of createReadStream(file).pipe(parse({ relax_column_count: true }))) {
    const r = rec as string[];
    if (idCol < 0) {
      idCol = r.findIndex((h) => h.includes('身份证'));
      phoneCol = r.findIndex((h) => h.includes('电话') || h.includes('手机'));
      continue;
    }
    rows++;
  }
  const parseS = (performance.now() - t) / 1000;
  t = performance.now();
  for await (const rec of createReadStream(file).pipe(parse({ relax_column_count: true, from_line: 1 }))) {
    const r = rec as string[];
    const id = r[idCol];
    if (!id || id.includes('身份证')) continue;
    crypto.encrypt(id);
    crypto.keyedHash(id);
    const phone = r[phoneCol];
    if (phone) {
      crypto.encrypt(phone);
      crypto.keyedHash(phone);
    }
  }
  const floorS = (performance.now() - t) / 1000;
  return { rows, parseS, floorS };
}
