import type { FastifySerializerCompiler } from 'fastify';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import { type ZodType, z } from 'zod';

/**
 * Responses go through their Zod schema before JSON: fields the schema does not name are dropped (nothing a
 * query happens to read can leak) and a wrong shape is an error, not a silent answer. The library's serializer
 * runs the schema as an encoder, ≈3× slower than a parse in Zod 4 (32 against 12 µs for a caseload page,
 * docs/benchmarks.md). Our response schemas have no codecs or transforms, so both give the same JSON; with
 * `verifyEncode` (the test suite) every response is also encoded and a difference is an error, so a schema
 * that would break that rule fails the tests of its route.
 */
export function createSerializerCompiler(opts: {
  verifyEncode: boolean;
}): FastifySerializerCompiler<ZodType> {
  return ({ schema, method, url }) =>
    (data) => {
      const result = schema.safeParse(data);
      if (!result.success) throw new ResponseSerializationError(method, url, { cause: result.error });
      const json = JSON.stringify(result.data);
      if (opts.verifyEncode) {
        const encoded = z.safeEncode(schema, data as never);
        if (!encoded.success || JSON.stringify(encoded.data) !== json)
          throw new Error(`${method} ${url}: the response schema encodes differently than it parses`);
      }
      return json;
    };
}
