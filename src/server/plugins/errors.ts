import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { TErrorBody } from '../../domain/api/common.ts';
import { AppError } from '../errors.ts';

/**
 * The one error handler: AppError → its status and code; request validation → 400 with the Zod issues;
 * anything else → logged, and a 500 that reveals nothing about internals.
 */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const send = (status: number, body: TErrorBody) => reply.status(status).send(body);
    if (err instanceof AppError) {
      if (err.status >= 500) request.log.error({ err }, err.message);
      return send(err.status, { error: { code: err.code, message: err.message, details: err.details } });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({
        path: v.instancePath.split('/').filter(Boolean),
        message: v.message,
        code: (v.params.issue as { code?: string } | undefined)?.code,
      }));
      return send(400, {
        error: {
          code: 'validation_error',
          message: `请求参数不正确 / Invalid ${err.validationContext}`,
          details: issues,
        },
      });
    }
    if (isResponseSerializationError(err)) {
      request.log.error({ err, issues: err.cause.issues }, 'response did not match its schema');
      return send(500, {
        error: { code: 'internal_error', message: '服务器内部错误 / Internal server error' },
      });
    }
    // Fastify's own client errors (bad JSON, body too large, unsupported media type) keep their status
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      const code =
        err.statusCode === 429 ? 'rate_limited' : err.statusCode === 404 ? 'not_found' : 'bad_request';
      return send(err.statusCode, { error: { code, message: err.message } });
    }
    request.log.error({ err }, 'unhandled error');
    return send(500, {
      error: { code: 'internal_error', message: '服务器内部错误 / Internal server error' },
    });
  });
}
