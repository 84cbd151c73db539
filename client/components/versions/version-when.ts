/**
 * When (and by whom) each version was saved, as a list of versions shows it beside the name
 * (user test U14 item 5: two versions named "Remiss" were the same line in the compare
 * selects). Minutes are enough to read; where two versions would still read the same (same
 * name, author and minute) both get their seconds, and if even those agree, a number in the
 * order they were saved.
 */
import { INTL_LOCALE } from '../../../shared/locale.js';
import { locale, t } from '../../i18n/index.js';
import type { Version } from '../../versions-api.js';

/** An ISO 8601 time as the reader's date and time, with seconds when asked for. */
function when(iso: string, seconds: boolean): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return new Intl.DateTimeFormat(INTL_LOCALE[locale()], { dateStyle: 'medium', timeStyle: seconds ? 'medium' : 'short' }).format(time);
}

function whenBy(version: Version, seconds: boolean): string {
  const time = when(version.createdAt, seconds);
  return version.createdBy ? t('versions_by', { name: version.createdBy.name, time }) : time;
}

/**
 * Version id → "Anna Samordnare, 1 dec. 2026 14:05" (or the time alone without an author),
 * with seconds for versions whose name, author and minute another version shares.
 */
export function versionWhen(versions: readonly Version[]): Map<string, string> {
  const minutes = sameCount(versions, (v) => `${v.name}\u0000${whenBy(v, false)}`);
  const shown = new Map(versions.map((v) => [v.id, whenBy(v, (minutes.get(v.id) ?? 0) > 1)]));
  // Saved within one second (a script, a double click): numbered in the order they were saved.
  const seconds = sameCount(versions, (v) => `${v.name}\u0000${shown.get(v.id) ?? ''}`);
  const seen = new Map<string, number>();
  for (const v of [...versions].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
    if ((seconds.get(v.id) ?? 0) < 2) continue;
    const key = `${v.name}\u0000${shown.get(v.id) ?? ''}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
    shown.set(v.id, `${shown.get(v.id) ?? ''} (${seen.get(key) ?? 0})`);
  }
  return shown;
}

/** Version id → how many versions (itself included) share its `key`. */
function sameCount(versions: readonly Version[], key: (v: Version) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of versions) counts.set(key(v), (counts.get(key(v)) ?? 0) + 1);
  return new Map(versions.map((v) => [v.id, counts.get(key(v)) ?? 0]));
}

/**
 * A version's name (or what a list calls it) with when it was saved:
 * "Version ”Remiss” – Anna Samordnare, 1 dec. 2026 14:05". A dash, not parentheses: an
 * adopted version's name already ends with its decision in parentheses.
 */
export function withWhen(name: string, version: Pick<Version, 'id'>, whenOf: ReadonlyMap<string, string>): string {
  const at = whenOf.get(version.id);
  return at ? `${name} – ${at}` : name;
}

/** Whether another version in `versions` has `version`'s name. */
export function nameShared(version: Pick<Version, 'id' | 'name'>, versions: readonly Version[]): boolean {
  return versions.some((v) => v.id !== version.id && v.name === version.name);
}
