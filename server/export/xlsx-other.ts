/**
 * Strategies and agendas as Excel sheets (DESIGN "Audit and exports": `export.xlsx` —
 * strategy: indicators with measurements; agenda: meetings, items, decisions, actions).
 * One row per thing, plain values (no formulas: nothing is summed), so a finance or
 * follow-up office can filter and pivot them.
 */
import type ExcelJS from 'exceljs';
import { scheduleMeeting } from '../../shared/agenda-schedule.js';
import type { AgendaJSON, MeetingJSON } from '../../shared/model/agenda.js';
import type { StrategyGoalJSON, StrategyJSON } from '../../shared/model/strategy.js';
import type { ExportWords } from './labels.js';
import { addTableSheet, dateCell, formatDateColumns } from './xlsx-sheet.js';

/** Sheets "Mål" (focus area, goal, objectives) and "Indikatorer" (baseline, target and one column per measured year). */
export function addStrategySheets(workbook: ExcelJS.Workbook, strategy: StrategyJSON, words: ExportWords): void {
  const placed = [
    ...strategy.focusAreas.flatMap((area) => area.goals.map((goal) => ({ area: area.id === null ? '–' : area.title, goal }))),
    ...strategy.goals.map((goal) => ({ area: '', goal })),
  ];
  const goals = addTableSheet(workbook, words.goals, [words.focusArea, words.number, words.goal, words.description, words.objectives], [28, 8, 40, 60, 24]);
  for (const { area, goal } of placed) goals.addRow([area, goal.number, goal.title, goal.description, goal.objectives.join(', ')]);

  const indicators = placed.flatMap(({ area, goal }) => goal.indicators.map((indicator) => ({ area, goal, indicator })));
  const orphans = strategy.orphanIndicators.map((indicator) => ({ area: '', goal: null as StrategyGoalJSON | null, indicator }));
  const all = [...indicators, ...orphans];
  const years = [...new Set(all.flatMap(({ indicator }) => indicator.measurements.map((m) => m.year)))].sort((a, b) => a - b);
  const header = [words.focusArea, words.goal, words.indicator, words.unit, words.direction, words.baselineYear, words.baselineValue, words.targetYear, words.targetValue, ...years.map(String)];
  const sheet = addTableSheet(workbook, words.indicators, header, [24, 30, 36, 10, 10, 9, 11, 9, 11, ...years.map(() => 10)]);
  for (const { area, goal, indicator } of all) {
    const byYear = new Map(indicator.measurements.map((m) => [m.year, m.value]));
    sheet.addRow([
      area,
      goal === null ? '–' : `${goal.number} ${goal.title}`.trim(),
      indicator.name,
      indicator.unit,
      words.directions[indicator.direction],
      indicator.baselineYear,
      indicator.baselineValue,
      indicator.targetYear,
      indicator.targetValue,
      ...years.map((year) => byYear.get(year) ?? null),
    ]);
  }
}

/** Sheets "Möten", "Punkter" (with clock times from the meeting's start), "Beslut" and "Åtgärder". */
export function addAgendaSheets(workbook: ExcelJS.Workbook, agenda: AgendaJSON, words: ExportWords): void {
  const meetings = addTableSheet(workbook, words.meetings, [words.meeting, words.date, words.start, words.end, words.location, words.link], [36, 12, 8, 8, 30, 40]);
  formatDateColumns(meetings, [2]);
  for (const meeting of agenda.meetings) {
    if (meeting.id !== null) meetings.addRow([meeting.title, dateCell(meeting.date), meeting.start, meeting.end, meeting.location, meeting.link]);
  }
  const items = addTableSheet(workbook, words.items, [words.meeting, words.date, words.start, words.end, words.item, words.presenter, words.minutes, words.notes], [36, 12, 8, 8, 40, 22, 9, 50]);
  const decisions = addTableSheet(workbook, words.decisions, [words.meeting, words.item, words.decision], [36, 40, 70]);
  const actions = addTableSheet(workbook, words.actions, [words.meeting, words.item, words.action, words.owner, words.due, words.done], [36, 40, 60, 22, 12, 8]);
  formatDateColumns(items, [2]);
  formatDateColumns(actions, [5]);
  for (const meeting of agenda.meetings) addMeetingRows(meeting, words, { items, decisions, actions });
}

function addMeetingRows(meeting: MeetingJSON, words: ExportWords, sheets: Record<'items' | 'decisions' | 'actions', ExcelJS.Worksheet>): void {
  const times = scheduleMeeting(meeting).items;
  const title = meeting.id === null ? '–' : meeting.title;
  meeting.items.forEach((item, index) => {
    const time = times[index];
    const itemTitle = item.id === null ? '–' : item.title;
    sheets.items.addRow([title, dateCell(meeting.date), time?.start ?? '', time?.end ?? '', itemTitle, item.presenter, item.minutes, item.notes]);
    for (const decision of item.decisions) sheets.decisions.addRow([title, itemTitle, decision.text]);
    for (const action of item.actions) sheets.actions.addRow([title, itemTitle, action.text, action.owner, dateCell(action.due), action.done ? words.yes : words.no]);
  });
}
