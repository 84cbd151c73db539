/** What every sheet of `export.xlsx` shares: a bold, frozen header row, column widths, dates and amounts as Excel values. */
import type ExcelJS from 'exceljs';
import { isValidDate } from '../../shared/dates.js';

/**
 * A new sheet named `name` (cut to Excel's 31 characters) whose row 1 is `header`, bold
 * and frozen so it stays in view while scrolling; `widths` in characters, per column.
 */
export function addTableSheet(workbook: ExcelJS.Workbook, name: string, header: string[], widths: number[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = header.map((_, index) => ({ width: widths[index] ?? 14 }));
  const row = sheet.addRow(header);
  row.font = { bold: true };
  row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
  return sheet;
}

/** Minor units as whole currency units for a cell; `null` (not given) stays an empty cell. */
export function money(minor: number | null): number | null {
  return minor === null ? null : minor / 100;
}

/**
 * An ISO date as an Excel date (UTC midnight, so the serial is the calendar day in any
 * time zone); anything that is not a real date stays as the text people wrote.
 */
export function dateCell(iso: string | null): Date | string | null {
  if (iso === null || iso === '') return null;
  return isValidDate(iso) ? new Date(`${iso}T00:00:00Z`) : iso;
}

/** Gives date columns (1-based) the ISO format Nordic offices read without doubt. */
export function formatDateColumns(sheet: ExcelJS.Worksheet, columns: number[]): void {
  for (const column of columns) sheet.getColumn(column).numFmt = 'yyyy-mm-dd';
}
