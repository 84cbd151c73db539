import type { ItemRef, NewRound } from '../../facilitation-api.js';
import { ft } from '../../i18n/facilitation-messages.js';

/** The `collection:id` key an item has in the round form's set of chosen items. */
export const choiceKey = (item: ItemRef): string => `${item.collection}:${item.id}`;

/**
 * The `POST …/rounds` body (DESIGN "Facilitation", Dot voting) from the round form's fields
 * `title` (blank: "Ny prickröstning"), `dots`, `max` (blank: no per-item cap) and `anonymous`
 * (a checkbox, `on` when ticked), for the chosen `items`. The server validates the ranges.
 */
export function newRoundFrom(data: FormData, items: ItemRef[]): NewRound {
  const title = String(data.get('title') ?? '').trim() || ft('newRound');
  const max = String(data.get('max') ?? '').trim();
  return { title, items, dotsPerPerson: Number(data.get('dots')), maxPerItem: max ? Number(max) : undefined, anonymous: data.get('anonymous') === 'on' };
}
