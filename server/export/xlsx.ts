/**
 * `export.xlsx` (DESIGN "Audit and exports") with exceljs (docs/exports.md says why that
 * library): one workbook per document, sheets by kind. Text goes in as typed string cells,
 * never as formulas, so a title like `=HYPERLINK(…)` stays text (red-team F5), and every
 * text of the document passes through `exportSafe` first, so no control character,
 * noncharacter or lone surrogate makes the XML one Excel refuses (red-team FA2-1).
 */
import ExcelJS from 'exceljs';
import type { DocumentJSON } from '../../shared/model/document.js';
import { exportSafe } from '../../shared/strings.js';
import { EXPORT_WORDS } from './labels.js';
import type { Locale } from '../../shared/locale.js';
import { addPlanSheet } from './xlsx-plan.js';
import { addAgendaSheets, addStrategySheets } from './xlsx-other.js';

/** The workbook's bytes. `created` (ms) is the file's creation time, from the server's clock. */
export async function buildXlsx(document: DocumentJSON, locale: Locale, created: Date): Promise<Uint8Array> {
  const json = exportSafe(document);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Samplan';
  workbook.title = json.title;
  workbook.created = created;
  workbook.modified = created;
  // Excel recalculates on open; the cached results are there for viewers that do not.
  workbook.calcProperties.fullCalcOnLoad = true;
  const words = EXPORT_WORDS[locale];
  if (json.kind === 'action-plan') addPlanSheet(workbook, json, words);
  else if (json.kind === 'strategy') addStrategySheets(workbook, json, words);
  else addAgendaSheets(workbook, json, words);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
