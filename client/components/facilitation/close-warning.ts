/**
 * The question "Stäng röstning" asks first (user test U13; docs/facilitation.md "Priority"):
 * a round someone voted in sets the document's priorities — its voted items first, earlier
 * ones after them, a round item without dots unranked — so when the document has priorities
 * now the coordinator is told which, before they change. A round nobody voted in changes no
 * priority and asks nothing. Swedish first, with nb and en.
 */
import type { Locale } from '../../../shared/locale.js';
import { fill, locale } from '../../i18n/index.js';

const TEXT: Record<Locale, string> = {
  sv:
    'Prioriteringarna ändras när röstningen stängs: punkterna som fått prickar får Prioritet 1 och framåt, ' +
    'de som har prioritet nu kommer efter dem, och en punkt i röstningen utan prickar förlorar sin. Prioritet nu: {list}. Stäng röstningen?',
  nb:
    'Prioriteringene endres når avstemningen lukkes: punktene som har fått prikker, får Prioritet 1 og videre, ' +
    'de som har prioritet nå, kommer etter dem, og et punkt i avstemningen uten prikker mister sin. Prioritet nå: {list}. Lukke avstemningen?',
  en:
    'Closing the vote changes the priorities: the items that got dots become Priority 1 onwards, ' +
    'those with a priority now follow them, and an item in the vote without dots loses its own. Priority now: {list}. Close the vote?',
};

/** An item of the document as the session lists it: its label and the priority it has now. */
export interface RankedItem {
  label: string;
  priority: number | null;
}

/**
 * The confirmation to show before closing a round with `voters` people having voted, or null
 * when closing changes no priority (nobody voted, or nothing in the document has one).
 */
export function roundCloseWarning(items: readonly RankedItem[], voters: number, language: Locale = locale()): string | null {
  if (voters === 0) return null;
  const ranked = items.filter((item) => item.priority !== null).sort((a, b) => (a.priority ?? 0) - (b.priority ?? 0));
  if (ranked.length === 0) return null;
  return fill(TEXT[language], { list: ranked.map((item) => `${item.label}: ${String(item.priority)}`).join(', ') });
}
