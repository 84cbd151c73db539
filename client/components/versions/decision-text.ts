/**
 * How an adopted version's decision reads (DESIGN "Versions, changes, the live draft":
 * a version tied to a decision carries its body, date and reference).
 */
import { longDate, t } from '../../i18n/index.js';
import type { Decision, Version } from '../../versions-api.js';

/**
 * "Antagen av Kommunfullmäktige 15 mars 2027 (KF § 42)" in the reader's language, the date
 * (`YYYY-MM-DD`) in the locale's long form (nb "15. mars 2027", en "15 March 2027"); a date
 * that does not parse is shown as stored.
 */
export function adoptedByText(decision: Decision): string {
  return t('versions_adoptedBy', { body: decision.body, date: longDate(decision.date), reference: decision.reference });
}

/**
 * A version's kind in the list ("Namngiven", "Automatisk"), or null for an adopted one: its
 * decision sentence says "Antagen av …" already (user test u13 read "Antagen · Antagen av …").
 */
export function versionKindLabel(version: Pick<Version, 'kind' | 'decision'>): string | null {
  if (version.decision) return null;
  return t(version.kind === 'auto' ? 'versions_kind_auto' : 'versions_kind_named');
}
