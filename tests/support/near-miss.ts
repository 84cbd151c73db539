/**
 * Near misses of a real link token (base64url, as server/auth/tokens.ts `newToken` makes),
 * for tests that a wrong token is refused. Each differs from the real one by construction:
 * a fixed replacement character (`${token.slice(0, -1)}A`) equals the real token whenever
 * it already ends in that character, 1 run in 64, which made invitations.test.ts fail at random.
 */
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** The character after `char` in the base64url alphabet (wrapping): never `char` itself. */
function nextChar(char: string): string {
  const at = BASE64URL.indexOf(char);
  if (at < 0) throw new Error(`not a base64url character: ${JSON.stringify(char)}`);
  return BASE64URL[(at + 1) % BASE64URL.length] ?? 'A';
}

/** Swaps upper and lower case of every letter (digits, `-` and `_` stay). */
function swapCase(text: string): string {
  return [...text].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');
}

/**
 * Tokens of the same length and alphabet as `token` that are not `token`: its last
 * character changed, its first character changed, and its letters' case swapped (left out
 * when it has no letters). Throws on an empty token or one outside base64url.
 */
export function nearMisses(token: string): string[] {
  if (token.length === 0) throw new Error('empty token');
  const swapped = swapCase(token);
  return [`${token.slice(0, -1)}${nextChar(token.slice(-1))}`, `${nextChar(token.slice(0, 1))}${token.slice(1)}`, ...(swapped === token ? [] : [swapped])];
}
