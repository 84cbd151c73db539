/**
 * Every length cut the import makes is reported (user test and red team, issue 17: a
 * 300-character activity title was stored as 200 and the report said "Alla rader
 * importerades"): each text of a goal, an activity and a cost line, over its limit
 * (titles and labels 200 characters, other texts 20 000), is cut on whole characters and
 * named in `report.warnings` with its row — for every kind of character.
 */
import { describe, expect, it } from 'vitest';
import { characterLength, hasForbiddenCharacter } from '../strings.js';
import { importPlanTable } from './import.js';

const HEADER = 'Mål\tAktiviteter\tBudget\tAnsvar\tTidplan\tMottagare av resultat';
const GOAL = 'Mål 1 Ett mål.\t\t\t\t\t';
const SECTION = 'Projektledning\tAktiviteter\tBudget\t\t\t';

/** One user-perceived character of each kind a cut must not split. */
const CHARACTERS: Array<[string, string]> = [
  ['a letter', 'å'],
  ['a ZWJ family', '👨‍👩‍👧‍👦'],
  ['a flag', '🇸🇪'],
  ['a letter with combining marks', 'a\u0301\u0308'],
  ['a skin-toned emoji', '👍🏽'],
];

type Plan = ReturnType<typeof importPlanTable>['plan'];
interface Place {
  name: string;
  limit: number;
  field: 'title' | 'text';
  /** The table's lines (after the header) with `text` in the place; the place's row is the last line. */
  rows: (text: string) => string[];
  read: (plan: Plan) => string | undefined;
}

const activity = (plan: Plan) => plan.goals?.[0]?.activities?.[0];
const PLACES: Place[] = [
  { name: 'a goal title', limit: 200, field: 'title', rows: (text) => [`Mål 1 ${text}`], read: (plan) => plan.goals?.[0]?.title },
  { name: 'a goal description', limit: 20_000, field: 'text', rows: (text) => [`Mål 1 Titel. ${text}`], read: (plan) => plan.goals?.[0]?.description },
  { name: 'an activity title', limit: 200, field: 'title', rows: (text) => [GOAL, `1.1 ${text}\tText\t100\tA\t\tB`], read: (plan) => activity(plan)?.title },
  { name: 'an activity description', limit: 20_000, field: 'text', rows: (text) => [GOAL, `1.1 Titel\t${text}\t100\tA\t\tB`], read: (plan) => activity(plan)?.description },
  { name: 'an activity’s Ansvar', limit: 20_000, field: 'text', rows: (text) => [GOAL, `1.1 Titel\tText\t100\t${text}\t\tB`], read: (plan) => activity(plan)?.responsible },
  { name: 'an activity’s Mottagare', limit: 20_000, field: 'text', rows: (text) => [GOAL, `1.1 Titel\tText\t100\tA\t\t${text}`], read: (plan) => activity(plan)?.recipients },
  { name: 'a cost line’s label', limit: 200, field: 'title', rows: (text) => [SECTION, `${text}\tText\t100\t\t\t`], read: (plan) => plan.costs?.[0]?.label },
  { name: 'a cost line’s description', limit: 20_000, field: 'text', rows: (text) => [SECTION, `Lön\t${text}\t100\t\t\t`], read: (plan) => plan.costs?.[0]?.description },
  { name: 'a standalone cost’s label', limit: 200, field: 'title', rows: (text) => [GOAL, `${text}:\t100\t\t\t\t`], read: (plan) => plan.costs?.[0]?.label },
];

function imported(place: Place, text: string) {
  const rows = place.rows(text);
  const { plan, report } = importPlanTable(['Plan', HEADER, ...rows].join('\n'));
  return { value: place.read(plan) ?? '', warnings: report.warnings, line: rows.length + 2 };
}

describe('a text over its limit is cut on whole characters and reported', () => {
  const cases = PLACES.flatMap((place) => CHARACTERS.map(([kind, character]) => [place.name, kind, place, character] as const));
  it.each(cases)('%s of %s', (_place, _kind, place, character) => {
    const { value, warnings, line } = imported(place, character.repeat(place.limit + 7));
    expect(value).toBe(character.repeat(place.limit));
    expect(hasForbiddenCharacter(value)).toBe(false);
    expect(warnings).toEqual([expect.objectContaining({ line, field: place.field })]);
    expect(warnings[0]?.reason).toMatch(/kortades/);
  });

  it.each(PLACES.map((place) => [place.name, place] as const))('%s at exactly its limit is kept whole, without a warning', (_name, place) => {
    const { value, warnings } = imported(place, 'ö'.repeat(place.limit));
    expect(characterLength(value)).toBe(place.limit);
    expect(warnings).toEqual([]);
  });
});
