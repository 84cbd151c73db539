/** The audit log's "Vad"/"Gäller" cells name what the server stored (user test: exports and copies looked alike). */
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../lifecycle-api.js';
import { auditActionText, auditTargetText } from './audit-text.js';

const entry = (action: string, details: AuditEntry['details'], label = 'Plan 2029'): AuditEntry => ({
  at: '2027-03-15T13:02:00.000Z',
  actor: { id: 'u1', name: 'Anna Samordnare' },
  action,
  target: { type: 'document', id: 'd1', label },
  details,
});

describe('auditActionText', () => {
  it.each([
    ['xlsx', 'Dokument exporterat (Excel)'],
    ['docx', 'Dokument exporterat (Word)'],
    ['csv', 'Dokument exporterat (CSV)'],
    ['tsv', 'Dokument exporterat (TSV)'],
    ['json', 'Dokument exporterat (JSON)'],
    ['ics', 'Dokument exporterat (kalender)'],
    ['minutes', 'Dokument exporterat (protokoll)'],
    ['pdf', 'Dokument exporterat (pdf)'],
  ])('an export as %s names its format', (format, expected) => {
    expect(auditActionText(entry('document.exported', { format }))).toBe(expected);
  });

  it('an action without a format, and one this client does not know', () => {
    expect(auditActionText(entry('document.archived', {}))).toBe('Dokument arkiverat');
    expect(auditActionText(entry('document.teleported', {}))).toBe('document.teleported');
  });
});

describe('auditTargetText', () => {
  it.each([
    ['a copy with amounts', entry('document.duplicated', { copyId: 'd2', copyTitle: 'Mall 2030', amounts: true }), 'Plan 2029 (kopia: Mall 2030)'],
    ['a copy without amounts', entry('document.duplicated', { copyId: 'd2', copyTitle: 'Mall 2030', amounts: false }), 'Plan 2029 (kopia: Mall 2030, utan belopp)'],
    ['a rename', entry('document.renamed', { from: 'Plan', to: 'Plan 2029' }), 'Plan 2029 (Plan → Plan 2029)'],
    ['a version', entry('version.created', { document: 'Plan 2029' }, 'Antagen'), 'Antagen · Plan 2029'],
    ['nothing more', entry('document.exported', { format: 'xlsx' }), 'Plan 2029'],
  ])('%s', (_name, e, expected) => {
    expect(auditTargetText(e)).toBe(expected);
  });
});
