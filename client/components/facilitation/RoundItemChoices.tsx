import { For } from 'solid-js';
import { ft } from '../../i18n/facilitation-messages.js';
import type { SessionItem } from './items.js';
import { choiceKey } from './round-request.js';

/**
 * The round form's "Punkter" checkboxes (DESIGN "Facilitation", Dot voting `items`): one per
 * votable item; `onChange` gets the new set of chosen `collection:id` keys (a new Set, so
 * the signal holding it fires).
 */
export function RoundItemChoices(props: { items: SessionItem[]; chosen: ReadonlySet<string>; onChange: (next: ReadonlySet<string>) => void }) {
  const toggle = (key: string, on: boolean) => {
    const next = new Set(props.chosen);
    if (on) next.add(key);
    else next.delete(key);
    props.onChange(next);
  };
  return (
    <fieldset>
      <legend>{ft('roundItems')}</legend>
      <For each={props.items}>
        {(item) => (
          <label class="check">
            <input type="checkbox" checked={props.chosen.has(choiceKey(item))} onChange={(e) => toggle(choiceKey(item), e.currentTarget.checked)} /> {item.label}
          </label>
        )}
      </For>
    </fieldset>
  );
}
