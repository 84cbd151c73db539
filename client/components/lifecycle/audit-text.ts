/**
 * An audit entry's "Vad" and "Gäller" cells as people read them (DESIGN "Audit and
 * exports"): an export names its format, a duplicate its copy and whether amounts came along
 * (user test: every "Dokument exporterat" row looked the same). Reads only `details` the
 * server already stores; a detail this client does not know is left out.
 */
import { t } from '../../i18n/index.js';
import { MESSAGES, type MessageKey } from '../../i18n/messages.js';
import type { AuditEntry } from '../../lifecycle-api.js';

function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(MESSAGES.sv, key);
}

/** File formats by the name their program goes by; the rest are words in the reader's language. */
const FORMAT_NAMES: Readonly<Record<string, string>> = { xlsx: 'Excel', docx: 'Word', csv: 'CSV', tsv: 'TSV', json: 'JSON' };

function formatName(format: string): string {
  const key = `audit_format_${format}`;
  return FORMAT_NAMES[format] ?? (isMessageKey(key) ? t(key) : format);
}

/** The action in the reader's language ("Dokument exporterat (Excel)"); an action this client does not know by its code. */
export function auditActionText(entry: AuditEntry): string {
  const key = `audit_${entry.action}`;
  const text = isMessageKey(key) ? t(key) : entry.action;
  const { format } = entry.details;
  return typeof format === 'string' && format !== '' ? `${text} (${formatName(format)})` : text;
}

/** What the entry concerns: its label, with a role change, a rename or a copy spelled out. */
export function auditTargetText(entry: AuditEntry): string {
  const { details } = entry;
  const label = entry.target.label ?? '';
  if (typeof details.from === 'string' && typeof details.to === 'string') return `${label} (${details.from} → ${details.to})`;
  if (typeof details.copyTitle === 'string') {
    const copy = t('audit_copy', { title: details.copyTitle });
    return `${label} (${details.amounts === false ? `${copy}, ${t('audit_withoutAmounts')}` : copy})`;
  }
  if (typeof details.document === 'string') return `${label} · ${details.document}`;
  return label;
}
