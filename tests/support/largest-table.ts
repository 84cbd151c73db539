/**
 * The largest plan table an import accepts (DESIGN "Limits every boundary enforces": 5 MiB,
 * 20 000 rows), shaped as the red team's (S9 finding 3): 19 990 rows, ~4.9 MiB, 999 goals of
 * 19 activities with every cell filled and long descriptions. Used by
 * tests/integration/import-limits.test.ts and tests/bench/import-largest.ts.
 */
export function largestTable(rows = 19_990): string {
  const lines = ['Stor plan', '', 'Mål\tAktiviteter\tBudget\tAnsvar\tTidplan\tMottagare av resultat'];
  for (let g = 1; lines.length < rows; g++) {
    lines.push(`Mål ${g} Klimatanpassning i kommun ${g}. ${'Beskrivning av målet med några meningar. '.repeat(4)}\t\t\t\t\t`);
    for (let a = 1; a <= 19 && lines.length < rows; a++) {
      lines.push(`${g}.${a} Aktivitet ${a} för mål ${g}\t${'- Beskrivning av aktiviteten och vad den ska ge '.repeat(3)}\t100 000\tLänsstyrelsen i länet\t2027-01-01 - 2027-12-31\tKommunerna i nätverket`);
    }
  }
  return lines.join('\n') + '\n';
}
