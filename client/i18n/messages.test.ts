/** Norwegian text is Norwegian: nb never silently falls back to a Swedish word (issue 17 item 6). */
import { describe, expect, it } from 'vitest';
import { MESSAGES } from './messages.js';

/** Keys whose Swedish and bokmål text really are the same words (checked by a reader of both). */
const SAME_IN_BOTH = new Set([
  'appName', 'language', 'newDocument', 'kind_action-plan', 'kind_strategy', 'file', 'importReport', 'line', 'table', 'timeline',
  'goal', 'goals', 'number', 'responsible', 'start', 'status', 'status_ongoing', 'costs', 'section', 'currency', 'exportTsv', 'exportJson',
  'indicators', 'indicator', 'unit', 'targetYear', 'year', 'chartSummary', 'chartTarget', 'chartTargetNoYear', 'chartPoint', 'participantRole_politician', 'dateHint', 'timeHint',
  'present_colGoal', 'present_colResponsible', 'change_field', 'versions_kind_auto', 'versions_by', 'versions_live',
  'deleteCancel', 'export_xlsx', 'export_docx', 'export_ics', 'audit_format_ics', 'amountSavedEmpty', 'savedEmpty', 'fieldWord_priority',
  'workspaceCountry', 'country_SE', 'country_NO',
]);

describe('nb messages', () => {
  const sv: Record<string, string> = MESSAGES.sv;
  const nb: Record<string, string> = MESSAGES.nb;

  it('differ from the Swedish ones except for words both languages share', () => {
    const same = Object.keys(sv).filter((key) => sv[key] === nb[key] && !SAME_IN_BOTH.has(key));
    expect(same).toEqual([]);
  });

  it('use no Swedish letters (ä, ö), except where they quote the server’s Swedish', () => {
    const swedish = Object.entries(nb).filter(([key, text]) => /[äöÄÖ]/.test(text) && key !== 'deleteWarning');
    expect(swedish).toEqual([]);
  });

  it('say Visjon and Organisasjon', () => {
    expect([nb.vision, nb.organisation]).toEqual(['Visjon', 'Organisasjon']);
  });
});
