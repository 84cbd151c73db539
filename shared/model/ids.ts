/** Web Crypto exists in browsers and in Node ≥ 19; typed here so `shared/` needs neither DOM nor Node types. */
const webCrypto = (globalThis as unknown as { crypto: { randomUUID(): string } }).crypto;

/** Random ids for documents and items (DESIGN.md: `crypto.randomUUID()`). */
export function newId(): string {
  return webCrypto.randomUUID();
}
