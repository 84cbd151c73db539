import { createSignal } from 'solid-js';
import { ApiError } from '../../api.js';
import { facilitationApi } from '../../facilitation-api.js';
import { ft } from '../../i18n/facilitation-messages.js';
import { RoundItemChoices } from './RoundItemChoices.jsx';
import { choiceKey, newRoundFrom } from './round-request.js';
import { publishRoundSetup } from './round-setup.js';
import type { Facilitation } from './use-facilitation.js';

/** Collections a round may rank (DESIGN: items that carry `priority`). */
const VOTABLE = new Set(['goals', 'activities', 'focusAreas', 'items']);

/**
 * The facilitator opens a dot-voting round: title, items, dots per person, max per item,
 * anonymous (DESIGN "Facilitation", Dot voting); the set-up is published in awareness so
 * everyone's ballot shows the items at once.
 */
export function RoundForm(props: { f: Facilitation }) {
  const f = props.f;
  const [chosen, setChosen] = createSignal<ReadonlySet<string>>(new Set());
  const [error, setError] = createSignal('');
  const votable = () => f.items().filter((i) => VOTABLE.has(i.collection));
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const items = votable().filter((i) => chosen().has(choiceKey(i))).map((i) => ({ collection: i.collection, id: i.id }));
    if (items.length === 0) return setError(ft('chooseItems'));
    const round = newRoundFrom(new FormData(form), items);
    try {
      const { id } = await facilitationApi.createRound(f.documentId, round);
      publishRoundSetup(f.awareness, { id, title: round.title, items, dotsPerPerson: round.dotsPerPerson, maxPerItem: round.maxPerItem ?? null });
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
        <RoundItemChoices items={votable()} chosen={chosen()} onChange={setChosen} />
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
