/**
 * `Connection: close` on an answer given before the request's body was read (a refusal:
 * 401, 403, 409 `workspace.full`, 413): Node does not read megabytes it was not asked to,
 * so it closes that connection after answering — and a client told `keep-alive` would send
 * its next request into a closed socket (red team F4). Saying so lets it open a new one.
 */
import type { MiddlewareHandler } from 'hono';

/** Whether the request declares a body (a length above 0, or chunked). */
function declaresBody(headers: Headers): boolean {
  const length = Number(headers.get('content-length') ?? '0');
  return length > 0 || headers.has('transfer-encoding');
}

export function closeWhenBodyUnread(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (declaresBody(c.req.raw.headers) && !c.req.raw.bodyUsed) c.res.headers.set('connection', 'close');
  };
}
