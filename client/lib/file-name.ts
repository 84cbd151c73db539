/** Nordic letters that Unicode does not decompose into a base letter and a mark. */
const FOLDED: Record<string, string> = { ø: 'o', Ø: 'O', æ: 'ae', Æ: 'AE', ß: 'ss' };

/**
 * The name a downloaded export is saved under: the title in letters, digits and dashes,
 * the same rule as the server's `Content-Disposition` for `export.tsv` (server/routes/documents.ts),
 * so the JSON and the TSV of one plan get the same base name.
 *
 * @example downloadName('Handlingsplan Klimatnätverket Småland 2027–2028', 'json')
 *   // 'Handlingsplan-Klimatnatverket-Smaland-2027-2028.json'
 */
export function downloadName(title: string, extension: string): string {
  const base = title
    .replace(/[øØæÆß]/g, (letter) => FOLDED[letter] ?? '-')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 120)
    .replace(/-$/, '');
  return `${base || 'dokument'}.${extension}`;
}
