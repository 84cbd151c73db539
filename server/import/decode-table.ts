/**
 * Turns an uploaded plan table's bytes into text (issue 17: Swedish Excel writes
 * Windows-1252 CSV; "Unicode text" is UTF-16LE with a byte-order mark). The order is the
 * WHATWG "decode" algorithm's — a byte-order mark wins, then the declared `charset` —
 * and, with neither, detection: UTF-16 by the NUL bytes of ASCII text, UTF-8 when the
 * bytes are valid UTF-8, else Windows-1252 (which can decode any byte sequence).
 *
 * Labels are resolved as browsers do (WHATWG `TextDecoder`: `iso-8859-1` and `latin1`
 * mean Windows-1252), UTF-8 and UTF-16 are decoded by it (strictly, so invalid bytes are
 * refused). Single- and multi-byte legacy encodings are decoded by iconv-lite: Node's own
 * `TextDecoder('windows-1252')` has decoded as Latin-1 since 20.18.3 (nodejs/node#60888),
 * turning `–`, `”` and `€` — in every Swedish Excel title — into control characters.
 */
import { TextDecoder } from 'node:util';
import iconv from 'iconv-lite';
import { ImportError } from '../../shared/table/errors.js';

/** The `charset` parameter of a Content-Type (`text/csv; charset="windows-1252"`), lower-cased; undefined when none. */
export function charsetOf(contentType: string | undefined): string | undefined {
  for (const parameter of (contentType ?? '').split(';').slice(1)) {
    const [name = '', ...value] = parameter.split('=');
    if (name.trim().toLowerCase() === 'charset') return value.join('=').trim().replace(/^"(.*)"$/, '$1').toLowerCase() || undefined;
  }
  return undefined;
}

/** The encoding a byte-order mark names, or undefined without one. */
function bomEncoding(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/**
 * UTF-16 without a byte-order mark: a table starts with ASCII text (a title, `Mål`…),
 * whose every other byte is NUL. Looks at the first 64 bytes only.
 */
function nulPattern(bytes: Uint8Array): string | undefined {
  const head = bytes.subarray(0, Math.min(bytes.length - (bytes.length % 2), 64));
  if (head.length < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < head.length; i += 2) {
    if (head[i] === 0) evenNul++;
    if (head[i + 1] === 0) oddNul++;
  }
  const half = head.length / 2;
  if (oddNul >= half * 0.6 && evenNul === 0) return 'utf-16le';
  if (evenNul >= half * 0.6 && oddNul === 0) return 'utf-16be';
  return undefined;
}

const UNICODE = new Set(['utf-8', 'utf-16le', 'utf-16be']);

/** The WHATWG name of `label` (`latin1` → `windows-1252`); `import.encoding` when it names none. */
function encodingOf(label: string): string {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    throw new ImportError(`Teckenkodningen ”${label}” stöds inte; spara tabellen som UTF-8 eller Windows-1252.`, 'import.encoding');
  }
}

function decodeAs(bytes: Uint8Array, encoding: string): string {
  if (!UNICODE.has(encoding) && iconv.encodingExists(encoding)) return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError(`Tabellen är inte giltig ${encoding.toUpperCase()}; kontrollera teckenkodningen och försök igen.`, 'import.encoding');
  }
}

/**
 * The text of a plan table's `bytes`, decoded by `charset` (a Content-Type's parameter)
 * or detected. Throws `ImportError` `import.encoding` (→ 400) naming the encoding when
 * the label is unknown or the bytes are not valid in it.
 * @example decodeTable(new Uint8Array([0x4d, 0xe5, 0x6c]), 'windows-1252') // 'Mål'
 */
export function decodeTable(bytes: Uint8Array, charset?: string): string {
  const declared = bomEncoding(bytes) ?? charset ?? nulPattern(bytes);
  if (declared !== undefined) return decodeAs(bytes, encodingOf(declared));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: what Swedish, Norwegian and Danish Excel write by default.
    return decodeAs(bytes, 'windows-1252');
  }
}
