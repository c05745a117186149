/**
 * zod validation at the HTTP boundary, as Hono validator middleware: `validateParams`, `validateQuery` and
 * `validateJson` put the parsed value where `c.req.valid(target)` finds it, typed from the schema. A failure
 * is a 400 listing every issue; a body that is not JSON is a 400 (malformed) or a 415 (wrong media type).
 */
import type { MiddlewareHandler } from 'hono';
import { validator } from 'hono/validator';
import type { z } from 'zod';
import { ApiError } from '../api-error.ts';

const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;

export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
  const listed = issues.map((issue) => (issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`)).join('; ');
  throw new ApiError(400, 'INVALID_REQUEST', `Invalid ${what}: ${listed}.`, { details: { issues } });
}

export function validateParams<S extends z.ZodType>(schema: S) {
  return validator('param', (value) => parseOrThrow(schema, value, 'path parameters'));
}

export function validateQuery<S extends z.ZodType>(schema: S) {
  return validator('query', (value) => parseOrThrow(schema, value, 'query parameters'));
}

/**
 * Validates a JSON body. An empty body counts as `{}`, so optional fields can simply be left out (`curl -X
 * POST` with no data); a non-empty body must be sent as JSON.
 */
export function validateJson<S extends z.ZodType>(
  schema: S,
): MiddlewareHandler<any, string, { in: { json: z.input<S> }; out: { json: z.output<S> } }> {
  return async (c, next) => {
    const text = await c.req.text();
    let value: unknown = {};
    if (text.trim() !== '') {
      const mediaType = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim();
      if (!JSON_MEDIA_TYPE.test(mediaType)) {
        throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', `Send the body as JSON with "Content-Type: application/json" (got "${mediaType || 'none'}").`);
      }
      try {
        value = JSON.parse(text);
      } catch (error) {
        throw new ApiError(400, 'INVALID_JSON', `The request body is not valid JSON (${(error as Error).message}).`);
      }
    }
    c.req.addValidatedData('json', parseOrThrow(schema, value, 'request body') as object);
    await next();
  };
}
