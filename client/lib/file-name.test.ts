/** Export file names: never empty, never a path, never characters a file system refuses. */
import { describe, expect, it } from 'vitest';
import { downloadName } from './file-name.js';

describe('downloadName', () => {
  it.each([
    ['Handlingsplan Klimatnätverket Småland 2027–2028', 'json', 'Handlingsplan-Klimatnatverket-Smaland-2027-2028.json'],
    ['Strategi för Ålands kommuner', 'json', 'Strategi-for-Alands-kommuner.json'],
    ['Møteplan «Nettverk» 2027', 'tsv', 'Moteplan-Nettverk-2027.tsv'],
    ['', 'json', 'dokument.json'],
    ['   ', 'json', 'dokument.json'],
    ['../../etc/passwd', 'json', 'etc-passwd.json'],
    ['C:\\Windows\\system32', 'tsv', 'C-Windows-system32.tsv'],
    ['🌍🌱', 'json', 'dokument.json'],
    ['Lærings- og Øvingsplan', 'json', 'Laerings-og-Ovingsplan.json'],
  ])('%j → %s', (title, extension, expected) => {
    expect(downloadName(title, extension)).toBe(expected);
  });

  it('gives a safe, bounded name for any title', () => {
    const alphabet = 'aåäöøæ ÅÄÖ/\\:*?"<>|.-–—_0123456789🌍\u0000\t\n';
    for (let run = 0; run < 500; run++) {
      const length = Math.floor(Math.random() * 300);
      const title = Array.from({ length }, () => alphabet[Math.floor(Math.random() * alphabet.length)] ?? '').join('');
      const name = downloadName(title, 'json');
      expect(name).toMatch(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,118}[A-Za-z0-9])?\.json$/);
    }
  });
});
