/**
 * The file exports (DESIGN "Audit and exports"): which format applies to which kind, and
 * the bytes of each. Called by build-export.ts, on the main thread for a small document and
 * in an export thread for a big one, so nothing here touches the server.
 *
 * | format  | action plan              | strategy              | agenda                          |
 * |---------|--------------------------|-----------------------|---------------------------------|
 * | xlsx    | table, costs, formulas   | goals, indicators     | meetings, items, decisions, actions |
 * | csv     | the plan table (`;`, BOM)| 400                   | 400                             |
 * | docx    | formal Word layout       | vision, goals, indicators | every meeting                |
 * | ics     | 400                      | 400                   | meetings as events              |
 * | minutes | 400                      | 400                   | one meeting (404 if none)       |
 */
import { minutesFileTitle } from '../../shared/file-name.js';
import type { Locale } from '../../shared/locale.js';
import type { DocumentJSON } from '../../shared/model/document.js';
import { exportPlanTableCsv } from '../../shared/table/csv.js';
import { buildAgendaDocx, buildMinutesDocx } from './docx-agenda.js';
import { buildPlanDocx } from './docx-plan.js';
import { buildStrategyDocx } from './docx-strategy.js';
import { buildIcs } from './ics.js';
import { buildXlsx } from './xlsx.js';

export type FileFormat = 'xlsx' | 'csv' | 'docx' | 'ics' | 'minutes';

export interface FileRequest {
  documentId: string;
  locale: Locale;
  /** ms since the epoch: the file's creation time / DTSTAMP. */
  now: number;
  /** For `minutes`: the meeting. */
  meetingId?: string;
}

/** Why there is no file: the format does not apply to the kind, or the meeting does not exist. */
export type FileRefusal = { code: 'export.unsupported' | 'export.no-meeting'; message: string };

const UNSUPPORTED: Record<FileFormat, string> = {
  xlsx: '',
  csv: 'Bara handlingsplaner kan exporteras som CSV.',
  docx: '',
  ics: 'Bara agendor kan exporteras som kalender.',
  minutes: 'Bara agendor har minnesanteckningar.',
};

/**
 * What the file could not hold as the document says, for the `X-Samplan-Export-Warnings`
 * header (docs/exports.md); only `export.ics` has any today (ics-notes.ts).
 */
export interface ExportWarning {
  code: string;
  meetingId: string;
  value: string;
}

/** A built file: its bytes (CSV and ICS as text), the title its download is named after, and its warnings. */
export type BuiltFile = { body: Uint8Array | string; title: string; warnings?: ExportWarning[] };

/** The file, or why there is none. */
export async function buildFile(json: DocumentJSON, format: FileFormat, request: FileRequest): Promise<BuiltFile | FileRefusal> {
  if (format === 'minutes') {
    if (json.kind !== 'agenda') return { code: 'export.unsupported', message: UNSUPPORTED.minutes };
    const meeting = json.meetings.find((m) => m.id !== null && m.id === request.meetingId);
    const minutes = meeting ? await buildMinutesDocx(json, meeting.id ?? '', request.locale) : null;
    if (!meeting || !minutes) return { code: 'export.no-meeting', message: 'Mötet finns inte i agendan.' };
    return { body: minutes, title: minutesFileTitle(json.title, meeting) };
  }
  if (format === 'ics') {
    if (json.kind !== 'agenda') return { code: 'export.unsupported', message: UNSUPPORTED.ics };
    const { text, notes } = buildIcs(json, request.documentId, request.locale, request.now);
    return { body: text, title: json.title, warnings: notes.map(({ code, meetingId, value }) => ({ code, meetingId, value })) };
  }
  const body = await bodyOf(json, format, request);
  return typeof body === 'string' || body instanceof Uint8Array ? { body, title: json.title } : body;
}

async function bodyOf(json: DocumentJSON, format: Exclude<FileFormat, 'minutes' | 'ics'>, request: FileRequest): Promise<Uint8Array | string | FileRefusal> {
  const refuse = (): FileRefusal => ({ code: 'export.unsupported', message: UNSUPPORTED[format] });
  switch (format) {
    case 'xlsx':
      return buildXlsx(json, request.locale, new Date(request.now));
    case 'csv':
      return json.kind === 'action-plan' ? exportPlanTableCsv(json) : refuse();
    case 'docx':
      if (json.kind === 'action-plan') return buildPlanDocx(json, request.locale);
      return json.kind === 'strategy' ? buildStrategyDocx(json, request.locale) : buildAgendaDocx(json, request.locale);
  }
}
