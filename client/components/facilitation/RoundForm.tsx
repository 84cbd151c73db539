import { createSignal, For } from 'solid-js';
import { ApiError } from '../../api.js';
import { facilitationApi, type ItemRef } from '../../facilitation-api.js';
import { ft } from '../../i18n/facilitation-messages.js';
import { publishRoundSetup } from './round-setup.js';
import type { Facilitation } from './use-facilitation.js';

/** Collections a round may rank (DESIGN: items that carry `priority`). */
const VOTABLE = new Set(['goals', 'activities', 'focusAreas', 'items']);

/** The facilitator opens a dot-voting round: title, items, dots per person, max per item, anonymous. */
export function RoundForm(props: { f: Facilitation }) {
  const f = props.f;
  const [chosen, setChosen] = createSignal<ReadonlySet<string>>(new Set());
  const [error, setError] = createSignal('');
  const votable = () => f.items().filter((i) => VOTABLE.has(i.collection));
  const toggle = (key: string, on: boolean) => {
    const next = new Set(chosen());
    if (on) next.add(key);
    else next.delete(key);
    setChosen(next);
  };
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const items: ItemRef[] = votable().filter((i) => chosen().has(`${i.collection}:${i.id}`)).map((i) => ({ collection: i.collection, id: i.id }));
    if (items.length === 0) return setError(ft('chooseItems'));
    const title = String(data.get('title') ?? '').trim() || ft('newRound');
    const dotsPerPerson = Number(data.get('dots'));
    const max = String(data.get('max') ?? '').trim();
    const maxPerItem = max ? Number(max) : undefined;
    try {
      const { id } = await facilitationApi.createRound(f.documentId, { title, items, dotsPerPerson, maxPerItem, anonymous: data.get('anonymous') === 'on' });
      publishRoundSetup(f.awareness, { id, title, items, dotsPerPerson, maxPerItem: maxPerItem ?? null });
      setError('');
      setChosen(new Set<string>());
      form.reset();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
    }
  };
  return (
    <details class="session-round-form">
      <summary>{ft('newRound')}</summary>
      <form onSubmit={(e) => void submit(e)}>
        <label>
          {ft('roundTitle')} <input name="title" maxLength={200} />
        </label>
        <fieldset>
          <legend>{ft('roundItems')}</legend>
          <For each={votable()}>
            {(item) => (
              <label class="check">
                <input type="checkbox" checked={chosen().has(`${item.collection}:${item.id}`)} onChange={(e) => toggle(`${item.collection}:${item.id}`, e.currentTarget.checked)} /> {item.label}
              </label>
            )}
          </For>
        </fieldset>
        <label>
          {ft('dotsPerPerson')} <input name="dots" type="number" min="1" max="20" value="3" required class="narrow-number" />
        </label>
        <label>
          {ft('maxPerItem')} <input name="max" type="number" min="1" max="20" class="narrow-number" />
        </label>
        <label class="check">
          <input name="anonymous" type="checkbox" checked /> {ft('anonymous')}
        </label>
        <button type="submit">{ft('openRound')}</button>
        <p class="error" role="alert">
          {error()}
        </p>
      </form>
    </details>
  );
}
