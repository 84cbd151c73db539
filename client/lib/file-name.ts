import { savedFileName } from '../../shared/file-name.js';

/**
 * The name a downloaded export is saved under — the same as the server's
 * `Content-Disposition` `filename*` (shared/file-name.ts), which the browser prefers anyway,
 * so every format of one document gets one base name (issue 17).
 *
 * @example downloadName('Handlingsplan Klimatnätverket Småland 2027–2028', 'json')
 *   // 'Handlingsplan Klimatnätverket Småland 2027–2028.json'
 */
export function downloadName(title: string, extension: string): string {
  return savedFileName(title, extension);
}
