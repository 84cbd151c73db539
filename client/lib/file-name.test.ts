/** Export file names: the title as the server names the file; never empty, never a path, never a control character. */
import { describe, expect, it } from 'vitest';
import { downloadName } from './file-name.js';
import { seeded } from '../../tests/support/seeded.js';

describe('downloadName', () => {
  it.each([
    ['Handlingsplan Klimatnätverket Småland 2027–2028', 'json', 'Handlingsplan Klimatnätverket Småland 2027–2028.json'],
    ['Møteplan «Nettverk» 2027', 'tsv', 'Møteplan «Nettverk» 2027.tsv'],
    ['', 'json', 'dokument.json'],
    ['   ', 'json', 'dokument.json'],
    ['../../etc/passwd', 'json', 'etc passwd.json'],
    ['C:\\Windows\\system32', 'tsv', 'C - Windows system32.tsv'],
    ['🌍🌱', 'json', '🌍🌱.json'],
  ])('%j → %s', (title, extension, expected) => {
    expect(downloadName(title, extension)).toBe(expected);
  });

  it('is a safe, bounded name for any title (the server names its attachments with the same shared savedFileName)', () => {
    const alphabet = 'aåäöøæ ÅÄÖ/\\:*?"<>|.-–—_0123456789🌍\u0000\t\n\u202e';
    const random = seeded(17);
    for (let run = 0; run < 500; run++) {
      const title = Array.from({ length: random.int(300) }, () => random.pick([...alphabet])).join('');
      const name = downloadName(title, 'json');
      expect(name).not.toMatch(/[\u0000-\u001f/\\\u202e]/);
      expect(Array.from(name).length).toBeLessThanOrEqual(155);
      expect(name.endsWith('.json')).toBe(true);
    }
  });
});
