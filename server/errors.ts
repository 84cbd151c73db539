/**
 * One error type for every failure a request can meet, and one handler that turns any
 * error into `{ error: { code, message } }` — never a stack trace to the client.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export class AppError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (message = 'Hittades inte.') => new AppError(404, 'not-found', message);
export const forbidden = (message = 'Din roll räcker inte för det här.') => new AppError(403, 'forbidden', message);
export const unauthorized = (message = 'Du behöver logga in.') => new AppError(401, 'unauthorized', message);
export const invalid = (message: string) => new AppError(400, 'validation', message);

export function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

export function onError(err: Error, c: Context): Response {
  if (err instanceof AppError) {
    for (const [name, value] of Object.entries(err.headers)) c.header(name, value);
    return c.json(errorBody(err.code, err.message), err.status);
  }
  console.error('Unhandled error', err);
  return c.json(errorBody('internal', 'Något gick fel på servern.'), 500);
}
