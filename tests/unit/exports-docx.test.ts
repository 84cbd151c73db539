/**
 * `export.docx` and `minutes.docx` open as Word packages (read back with JSZip): the plan's
 * word/document.xml holds every goal, every activity and the totals as people read them
 * ("1 846 250 kr", shared formatMoney); a strategy and an agenda make documents too; the
 * minutes of a meeting hold its decisions and action items; minutes of another kind or of
 * no such meeting are refused with the right code.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
// Loaded with the test file, not inside the first test's time: build-export.ts loads it lazily.
import '../../server/export/file-formats.js';
import { buildExport, ExportError } from '../../server/export/build-export.js';
import { allActivities } from '../../shared/model/action-plan.js';
import { agendaToJSON } from '../../shared/model/agenda.js';
import { formatMoney } from '../../shared/money.js';
import { totals } from '../../shared/totals.js';
import { demoAgenda, demoStrategy, planCases, planJSON, requestFor } from '../support/export-cases.js';

/** The text of word/document.xml with the XML taken out (runs joined), entities decoded. */
async function documentText(body: string | Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(body);
  const xml = await zip.file('word/document.xml')?.async('string');
  if (xml === undefined) throw new Error('no word/document.xml');
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

describe.each(planCases())('export.docx of %s', (_name, doc) => {
  it('holds the goals, activities and formatted totals', async () => {
    const plan = planJSON(doc);
    const text = await documentText((await buildExport(requestFor(doc, 'docx'))).body);
    expect(text).toContain(plan.title);
    for (const goal of plan.goals) if (goal.id !== null) expect(text).toContain(`Mål ${goal.number} ${goal.title}`);
    for (const activity of allActivities(plan)) {
      expect(text).toContain(`${activity.number} ${activity.title}`);
      if (activity.budget !== null) expect(text).toContain(formatMoney(activity.budget, plan.currency, 'sv'));
    }
    const sums = totals(plan);
    expect(text).toContain(`Planerat totalt\n${formatMoney(sums.planned, plan.currency, 'sv')}`);
    if (sums.remaining !== null) expect(text).toContain(`Kvar att fördela\n${formatMoney(sums.remaining, plan.currency, 'sv')}`);
    else expect(text).not.toContain('Kvar att fördela');
  });
});

describe('Word documents of strategies and agendas', () => {
  it('the Småland plan shows "1 846 250 kr" for its activities (sv grouping)', async () => {
    const [, doc] = planCases()[0] ?? [];
    if (!doc) throw new Error('no sample');
    const text = await documentText((await buildExport(requestFor(doc, 'docx'))).body);
    expect(text.replace(/\u00a0/g, ' ')).toContain('Summa aktiviteter\n1 846 250 kr');
  });

  it('a strategy and an agenda make documents with their goals and meetings', async () => {
    expect(await documentText((await buildExport(requestFor(demoStrategy(), 'docx'))).body)).toMatch(/Mål \S+ /);
    const agenda = agendaToJSON(demoAgenda());
    const text = await documentText((await buildExport(requestFor(demoAgenda(), 'docx'))).body);
    for (const meeting of agenda.meetings) expect(text).toContain(meeting.title);
  });

  it('minutes of a meeting hold its items, decisions and action items', async () => {
    const doc = demoAgenda();
    const agenda = agendaToJSON(doc);
    for (const meeting of agenda.meetings) {
      const text = await documentText((await buildExport(requestFor(doc, 'minutes', { meetingId: meeting.id ?? '' }))).body);
      expect(text).toContain(`Minnesanteckningar: ${meeting.title}`);
      for (const item of meeting.items) {
        expect(text).toContain(item.title);
        for (const decision of item.decisions) expect(text).toContain(decision.text);
        for (const action of item.actions) expect(text).toContain(action.text);
      }
    }
    const decisions = agenda.meetings.flatMap((m) => m.items.flatMap((i) => i.decisions));
    expect(decisions.length).toBeGreaterThan(0);
  });

  it.each([
    ['minutes of a plan', () => requestFor(planCases()[0]?.[1] ?? demoAgenda(), 'minutes', { meetingId: 'x' }), 'export.unsupported'],
    ['minutes of no such meeting', () => requestFor(demoAgenda(), 'minutes', { meetingId: 'nope' }), 'export.no-meeting'],
    ['ics of a plan', () => requestFor(planCases()[0]?.[1] ?? demoAgenda(), 'ics'), 'export.unsupported'],
    ['csv of an agenda', () => requestFor(demoAgenda(), 'csv'), 'export.unsupported'],
    ['csv of a strategy', () => requestFor(demoStrategy(), 'csv'), 'export.unsupported'],
  ] as const)('%s is refused', async (_name, request, code) => {
    const error = await buildExport(request()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExportError);
    expect(error).toMatchObject({ code });
  });
});
