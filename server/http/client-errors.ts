/**
 * What Node's HTTP parser refuses before any route runs, answered as every /api error is
 * (DESIGN "Wave 2 contract": `{error: {code, message}}`) instead of Node's bodiless default
 * (issue 17 red-team F7: a request line past the header limit got a plain 431).
 */
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { processLineOf, writeRawAnswer, type RawAnswer } from './raw-answer.js';

/**
 * Bytes of request line and headers the server reads (Node's default is 16 KiB). The longest
 * valid request line is an import's `?title=`: 200 characters of 16 UTF-16 units each (README
 * "Contract notes", Lengths), up to ~28 KB URL-encoded, with a session cookie beside it.
 */
export const MAX_HEADER_BYTES = 64 * 1024;

/** Node's statuses for what its parser refuses (lib/_http_server.js), with our code and words. */
function answerFor(code: string | undefined): RawAnswer {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return { status: 431, code: 'request.too-large', message: `Begärans adress och huvuden är för långa (högst ${MAX_HEADER_BYTES / 1024} KiB).` };
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return { status: 413, code: 'request.too-large', message: 'Begärans delar är för stora.' };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { status: 408, code: 'request.timeout', message: 'Begäran kom inte fram i tid.' };
    default:
      return { status: 400, code: 'request.malformed', message: 'Begäran kunde inte läsas.' };
  }
}

/**
 * Answers each request Node's parser refuses with its status (431 past MAX_HEADER_BYTES, 413,
 * 408, else 400) and a JSON error body, then closes the connection; as Node does, only when
 * nothing was written to the socket yet and it can still be written to.
 */
export function answerClientErrors(server: Server, processName: string): void {
  const processLine = processLineOf(processName);
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex & { bytesWritten?: number }) => {
    if (!socket.writable || (socket.bytesWritten ?? 0) > 0) {
      socket.destroy();
      return;
    }
    writeRawAnswer(socket, answerFor(error.code), processLine);
  });
}
