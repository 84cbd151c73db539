/** The sample plan tables shipped in `shared/samples/` (copied from the design docs). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SAMPLES_DIR = fileURLToPath(new URL('../../shared/samples/', import.meta.url));

export function readSample(name: 'handlingsplan-smaland.tsv' | 'handlingsplan-innherred.csv'): string {
  return readFileSync(SAMPLES_DIR + name, 'utf8');
}
