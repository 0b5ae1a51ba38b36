import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../errors.ts';

export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

/**
 * Store an uploaded file under DATA_DIR/uploads with a random name (never the user's file name, which may hold
 * path tricks). Refuses files over the limit, removing the partial file.
 */
export async function storeUpload(
  dataDir: string,
  fileName: string,
  stream: Readable & { truncated?: boolean },
) {
  const dir = path.join(dataDir, 'uploads');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const ext = path
    .extname(fileName)
    .toLowerCase()
    .replace(/[^.a-z0-9]/g, '')
    .slice(0, 8);
  const stored = path.join(dir, `${randomUUID()}${ext}`);
  await pipeline(stream, createWriteStream(stored, { mode: 0o600 }));
  if (stream.truncated) {
    await rm(stored, { force: true });
    throw new AppError(
      'validation_error',
      `文件超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB 上限 / The file exceeds the ${MAX_UPLOAD_BYTES / 1024 / 1024} MB limit`,
      { code: 'file_too_large' },
    );
  }
  return stored;
}

export async function removeUpload(storedFile: string | null | undefined) {
  if (storedFile) await rm(storedFile, { force: true });
}
