import { describe, expect, it } from 'vitest';
import { readSample } from '../../tests/support/samples.js';
import { createDocument } from '../model/document.js';
import { actionPlanToJSON, allActivities } from '../model/action-plan.js';
import { totals } from '../totals.js';
import { validate } from '../validate/index.js';
import { ImportError } from './errors.js';
import { importPlanTable, parseTimeframe } from './import.js';

const kr = (whole: number) => whole * 100;

function importToJSON(text: string, options = {}) {
  const result = importPlanTable(text, options);
  return { ...result, json: actionPlanToJSON(createDocument('action-plan', result.plan)) };
}

describe('handlingsplan-smaland.tsv', () => {
  const { json, report, language } = importToJSON(readSample('handlingsplan-smaland.tsv'));
  const activities = allActivities(json);
  const byNumber = (n: string) => activities.find((a) => a.number === n);

  it('has its title, subtitle, language and currency', () => {
    expect(json.title).toBe('Handlingsplan Klimatnätverket Småland 2027–2028');
    expect(json.subtitle).toBe('Ett gemensamt lyft för energi och klimat i sju kommuner');
    expect(language).toBe('sv');
    expect(json.currency).toBe('SEK');
  });

  it('has 3 goals and 8 activities, numbered as in the table', () => {
    expect(json.goals.map((g) => [g.number, g.title])).toEqual([
      ['1', 'Minska energianvändningen i kommunala lokaler'],
      ['2', 'Fossilfria transporter i kommunal verksamhet'],
      ['3', 'Klimatanpassad fysisk planering'],
    ]);
    expect(json.goals[0]?.description).toMatch(/^Kommunerna äger och förvaltar/);
    expect(activities.map((a) => a.number)).toEqual(['1.1', '1.2', '1.2.1', '2.1', '2.2', '2.3', '3.1', '3.2']);
  });

  it('reads each activity row’s cells', () => {
    expect(byNumber('1.1')).toMatchObject({
      title: 'Energikartläggning av skolor och förskolor',
      budget: kr(420_000),
      responsible: 'Fastighetsnätverket',
      start: '2027-02-01',
      end: '2027-09-30',
      recipients: 'Kommunernas fastighetsförvaltningar',
    });
    expect(byNumber('1.2.1')).toMatchObject({ budget: kr(18_000), start: '2027-05-20', end: '2027-05-20' });
    expect(byNumber('1.2.1')?.description).toContain('XXX');
    expect(byNumber('2.2')?.budget).toBeNull();
    expect(byNumber('3.1')?.end).toBe('2028-02-29');
  });

  it('gives the expected figures', () => {
    const sums = totals(json);
    expect(sums.activities).toBe(kr(1_846_250));
    expect(sums.sections).toEqual({ Projektledning: kr(1_285_000) });
    expect(json.costs.filter((c) => c.section === 'Projektledning')).toHaveLength(3);
    expect(json.costs.filter((c) => c.section === '')).toEqual([
      expect.objectContaining({ label: 'Extern utvärdering', amount: kr(150_000) }),
    ]);
    expect(sums.costs).toBe(kr(1_435_000));
    expect(sums.planned).toBe(kr(3_281_250));
    expect(json.budget).toEqual({
      spentBefore: kr(230_000),
      spentBeforeDate: '2026-12-31',
      frame: kr(3_600_000),
      frameWithIncome: kr(3_900_000),
    });
    expect(sums.remaining).toBe(kr(88_750));
  });

  it('checks the stated totals and reports the project-management mismatch', () => {
    expect(report.statedTotals).toEqual([
      { label: 'Totalsumma målaktiviteter (kr)', stated: kr(1_846_250), computed: kr(1_846_250), ok: true },
      { label: 'Totalsumma projektledning (kr)', stated: kr(1_290_000), computed: kr(1_285_000), ok: false },
      {
        label: 'Totalsumma målaktiviteter, projektledning och extern utvärdering (kr)',
        stated: kr(3_281_250),
        computed: kr(3_281_250),
        ok: true,
      },
    ]);
    expect(report.skipped).toEqual([]);
  });

  it('validates to the missing budget and the placeholder, and no more', () => {
    const issues = validate(json, { today: '2027-01-01', locale: 'sv' });
    expect(issues.map((i) => [i.code, i.path[2]]).sort()).toEqual([
      ['budget.missing', 'budget'],
      ['text.placeholder', 'description'],
    ]);
    expect(issues.find((i) => i.code === 'budget.missing')?.path[1]).toBe(byNumber('2.2')?.id);
  });
});

describe('handlingsplan-innherred.csv', () => {
  const { json, report, language } = importToJSON(readSample('handlingsplan-innherred.csv'));
  const activities = allActivities(json);

  it('reads Excel’s semicolon CSV with quoted separators and line breaks', () => {
    expect(language).toBe('nb');
    expect(json.currency).toBe('NOK');
    expect(activities.find((a) => a.number === '1.1')?.description).toBe('Individuell rådgivning; klimakalkulator og oppfølging');
    expect(activities.find((a) => a.number === '1.2')?.description).toBe('Forstudie om felles biogassanlegg\nMed befaring i Sverige');
  });

  it('gives the expected figures', () => {
    expect(json.goals).toHaveLength(2);
    expect(activities.map((a) => a.number)).toEqual(['1.1', '1.2', '2.1', '2.2']);
    const sums = totals(json);
    expect(sums.activities).toBe(kr(905_000));
    expect(sums.sections).toEqual({ Prosjektledelse: kr(420_000) });
    expect(json.budget.spentBefore).toBe(kr(50_000));
    expect(json.budget.frame).toBe(kr(1_300_000));
    expect(sums.planned + (sums.spentBefore ?? 0)).toBe(kr(1_375_000));
    expect(sums.remaining).toBe(kr(-75_000));
    const pilot = activities.find((a) => a.number === '2.2');
    expect(pilot).toMatchObject({ budget: null, start: '2027-04-01', end: '2027-04-01' });
    expect(report.statedTotals.every((t) => t.ok)).toBe(true);
    expect(report.skipped).toEqual([]);
  });

  it('is over its frame by 75 000', () => {
    const overFrame = validate(json, { today: '2027-01-01', locale: 'nb' }).filter((i) => i.code === 'budget.over-frame');
    expect(overFrame).toHaveLength(1);
    expect(overFrame[0]).toMatchObject({ severity: 'error', path: ['budget', 'frame'] });
    expect(overFrame[0]?.message.replace(/\s/g, ' ')).toContain('75 000 kr');
  });
});

describe('input forms', () => {
  const tsv = [
    'Plan',
    'Mål\tAktiviteter\tBudget\tAnsvar\tTidplan\tMottagare av resultat',
    'Mål 1 Ett mål. Beskrivning.\t\t\t\t\t',
    '1.1 Aktivitet\tBeskrivning\t1 000\tAnsvarig\t2027-01-01 - 2027-02-01\tAlla',
  ].join('\n');

  it('accepts a byte-order mark and CRLF line ends', () => {
    const { json } = importToJSON('\uFEFF' + tsv.replace(/\n/g, '\r\n'));
    expect(json.title).toBe('Plan');
    expect(allActivities(json)[0]).toMatchObject({ number: '1.1', budget: kr(1_000), recipients: 'Alla' });
  });

  it('accepts comma-separated CSV with quoted cells', () => {
    const csv = [
      'Goal,Activities,Budget,Responsible,Timeframe,Recipients',
      'Goal 1 Cleaner air. Less traffic.,,,,,',
      '1.1 Survey,"Count cars, bikes and buses","12 500",City,2027-03-01 - 2027-04-30,Council',
      'Total activities (EUR):,12 500',
    ].join('\n');
    const { json, report, language } = importToJSON(csv);
    expect(language).toBe('en');
    expect(json.currency).toBe('EUR');
    expect(allActivities(json)[0]).toMatchObject({ description: 'Count cars, bikes and buses', budget: kr(12_500) });
    expect(report.statedTotals).toEqual([{ label: 'Total activities (EUR)', stated: kr(12_500), computed: kr(12_500), ok: true }]);
  });

  it('takes the currency from the request over the header’s language', () => {
    expect(importToJSON(tsv, { currency: 'EUR' }).json.currency).toBe('EUR');
  });

  it('keeps activities that come before any goal, without a goal', () => {
    const { json } = importToJSON(tsv.replace('Mål 1 Ett mål. Beskrivning.\t\t\t\t\t\n', ''));
    expect(json.goals).toEqual([expect.objectContaining({ id: null, activities: [expect.objectContaining({ number: '1.1' })] })]);
  });
});

describe('bad input', () => {
  it('refuses a body without a header row, creating nothing', () => {
    expect(() => importPlanTable('just some text\nand more')).toThrow(ImportError);
    expect(() => importPlanTable('')).toThrow(expect.objectContaining({ code: 'import.unreadable' }));
  });

  it('reports unreadable amounts and timeframes with their line, and does not guess', () => {
    const text = [
      'Plan',
      '',
      'Mål\tAktiviteter\tBudget\tAnsvar\tTidplan\tMottagare av resultat',
      'Mål 1 Ett mål.\t\t\t\t\t',
      '1.1 Första\tText\t12,5\tA\t2027-01-01 - 2027-02-01\tAlla',
      '1.2 Andra\tText\tabc\tA\thösten 2027\tAlla',
      'Det här är ingen rad i en plan\tnågot\tannat\t\t\t',
      'Totalsumma aktiviteter (kr):\tmånga',
    ].join('\n');
    const { json, report } = importToJSON(text);
    // Nothing is dropped silently: the activities are kept without the values that could not be read.
    expect(allActivities(json).map((a) => [a.number, a.budget, a.start])).toEqual([
      ['1.1', null, '2027-01-01'],
      ['1.2', null, null],
    ]);
    expect(report.skipped.map((s) => [s.line, s.field])).toEqual([
      [5, 'budget'],
      [6, 'budget'],
      [6, 'timeframe'],
      [7, undefined],
      [8, undefined],
    ]);
    expect(report.skipped[0]?.reason).toContain('12,5');
    expect(report.skipped[3]?.text).toContain('Det här är ingen rad');
  });

  it('counts lines right after a quoted cell that spans lines', () => {
    const text = [
      'Mål;Aktiviteter;Budsjett;Ansvar;Tidsplan;Mottakere',
      'Mål 1 Et mål.;;;;;',
      '1.1 Tiltak;"linje en',
      'linje to";100;A;;B',
      'noe rart;x;y;z;;',
    ].join('\r\n');
    expect(importPlanTable(text).report.skipped.map((s) => s.line)).toEqual([5]);
  });

  it('keeps an impossible date as written, so validation calls it date.invalid', () => {
    const text = ['Mål\tAktiviteter\tBudget\tAnsvar\tTidplan\tMottagare av resultat', '1.1 X\t\t100\tA\t2027-02-30\tB'].join('\n');
    const { json, report } = importToJSON(text);
    expect(report.skipped).toEqual([]);
    const invalid = validate(json, { today: '2027-01-01' }).filter((i) => i.code === 'date.invalid');
    expect(invalid.map((i) => i.path[2])).toEqual(['start', 'end']);
  });

  // The class: every date problem validation will flag in the imported plan is named in the report.
  it.each([
    ['2027-02-30', ['2027-02-30']],
    ['2027-02-29 - 2027-03-01', ['2027-02-29']],
    ['2027-01-01 - 2027-13-01', ['2027-13-01']],
    ['2027-04-31 - 2027-06-31', ['2027-04-31', '2027-06-31']],
    ['2027-09-01 - 2027-03-01', ['slutar 2027-03-01']],
    ['2028-02-29', []],
    ['2027-03-01 - 2027-03-01', []],
    ['2027-03-01 -', []],
  ])('timeframe %j: the report names %j, as validation flags it', (timeframe, named) => {
    const text = ['Mål\tAktiviteter\tBudget\tAnsvar\tTidplan\tMottagare av resultat', `1.1 X\t\t100\tA\t${timeframe}\tB`].join('\n');
    const { json, report } = importToJSON(text);
    const warnings = report.warnings.filter((w) => w.field === 'timeframe');
    expect(warnings.map((w) => named.find((n) => w.reason.includes(n)))).toEqual(named);
    expect(warnings.every((w) => w.line === 2)).toBe(true);
    const flagged = validate(json, { today: '2027-01-01' }).filter((i) => i.code === 'date.invalid' || i.code === 'date.end-before-start');
    expect(flagged.length > 0).toBe(named.length > 0);
  });
});

describe('parseTimeframe', () => {
  it('reads ranges, single dates and open ends', () => {
    expect(parseTimeframe('2027-02-01 - 2027-09-30')).toEqual({ start: '2027-02-01', end: '2027-09-30' });
    expect(parseTimeframe('2027-02-01–2027-09-30')).toEqual({ start: '2027-02-01', end: '2027-09-30' });
    expect(parseTimeframe('2027-05-20')).toEqual({ start: '2027-05-20', end: '2027-05-20' });
    expect(parseTimeframe('2027-05-20 -')).toEqual({ start: '2027-05-20', end: null });
    expect(parseTimeframe('- 2027-05-20')).toEqual({ start: null, end: '2027-05-20' });
    expect(parseTimeframe('')).toEqual({ start: null, end: null });
    expect(parseTimeframe('våren 2027')).toBeUndefined();
  });
});
