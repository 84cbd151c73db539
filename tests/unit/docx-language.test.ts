/**
 * Every .docx says its language (user test u13: Word picked its own proofing language for a
 * Swedish plan): the document defaults (word/styles.xml) carry w:lang of the export's locale,
 * for every kind and the minutes, in sv/nb/en.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import '../../server/export/file-formats.js';
import { buildExport } from '../../server/export/build-export.js';
import { agendaToJSON } from '../../shared/model/agenda.js';
import { demoAgenda, demoStrategy, planCases, requestFor } from '../support/export-cases.js';

const LANGUAGE = { sv: 'sv-SE', nb: 'nb-NO', en: 'en-GB' } as const;

function documents() {
  const agenda = demoAgenda();
  const meetingId = agendaToJSON(agenda).meetings.find((meeting) => meeting.id !== null)?.id ?? '';
  const [plan] = planCases();
  if (!plan) throw new Error('no plan case');
  return [
    ['plan', plan[1], 'docx', {}],
    ['strategy', demoStrategy(), 'docx', {}],
    ['agenda', agenda, 'docx', {}],
    ['minutes', agenda, 'minutes', { meetingId }],
  ] as const;
}

describe.each(Object.entries(LANGUAGE))('a .docx in %s', (locale, tag) => {
  it.each(documents())('of a %s says it in its document defaults', async (_kind, doc, format, extra) => {
    const body = (await buildExport(requestFor(doc, format, { ...extra, locale: locale as keyof typeof LANGUAGE }))).body;
    const styles = await (await JSZip.loadAsync(body)).file('word/styles.xml')?.async('string');
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles ?? '')?.[0] ?? '';
    expect(defaults).toContain(`<w:lang w:val="${tag}"`);
  });
});
