import type { Writable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { cleanFileName } from '../../domain/file-name.ts';
import { AppError } from '../errors.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Stream a generated file to the client. Writers check access, limits and audit before their first byte; an
 * error until then is answered as the usual JSON error, after it the connection is cut (the client sees a
 * failed download rather than a truncated file that looks complete).
 */
export async function sendDownload(
  reply: FastifyReply,
  file: { name: string; type: string },
  write: (out: Writable) => Promise<unknown>,
) {
  reply.hijack();
  const raw = reply.raw;
  raw.setHeader('content-type', file.type);
  // cleaned again here: names stored before the rule, and generated names built from an uploaded one
  const name = encodeURIComponent(cleanFileName(file.name));
  raw.setHeader('content-disposition', `attachment; filename*=UTF-8''${name}`);
  raw.setHeader('cache-control', 'no-store');
  try {
    await write(raw);
    if (!raw.writableEnded) raw.end();
  } catch (err) {
    if (raw.headersSent) {
      raw.destroy(err as Error);
      return;
    }
    const app = err instanceof AppError ? err : null;
    if (!app) reply.log.error({ err }, 'download failed');
    raw.statusCode = app?.status ?? 500;
    raw.setHeader('content-type', 'application/json; charset=utf-8');
    raw.removeHeader('content-disposition');
    raw.end(
      JSON.stringify({
        error: {
          code: app?.code ?? 'internal_error',
          message: app?.message ?? '服务器内部错误 / Internal server error',
        },
      }),
    );
  }
}
