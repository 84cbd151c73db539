/**
 * The open dot-voting rounds of a document, for the ballots and for the participants' strip
 * (user test u13 item 1): a participant following the spotlight does not see a ballot drawn
 * far from the spotlit item, so opening and closing a round are announced politely, once each.
 */
import { createEffect, createSignal, onCleanup, type Accessor } from 'solid-js';
import { announce } from '../editor/announcer.js';
import { ft, type FacilitationKey } from '../../i18n/facilitation-messages.js';
import { publishedSetups, type RoundSetup } from './round-setup.js';
import type { Facilitation } from './use-facilitation.js';

export interface OpenRound {
  id: string;
  title: string;
}

/** "Röstning öppnad: Prioritera"; without a title, the sentence without its colon. */
export function roundText(key: FacilitationKey, title: string): string {
  return title.trim() ? ft(key, { title: title.trim() }) : ft(key, { title: '' }).replace(/:\s*$/, '');
}

/**
 * Open rounds: those the session map lists as open, and those a facilitator announced in
 * awareness (before the map reaches this browser). Call inside a Solid owner.
 */
export function createOpenRounds(f: Facilitation): { rounds: Accessor<OpenRound[]>; published: Accessor<Map<string, RoundSetup>> } {
  const [published, setPublished] = createSignal(publishedSetups(f.awareness));
  const onChange = () => setPublished(publishedSetups(f.awareness));
  f.awareness.on('change', onChange);
  onCleanup(() => f.awareness.off('change', onChange));
  const rounds = () => {
    const closed = new Set(f.session.rounds.filter((r) => r.status === 'closed').map((r) => r.id));
    const listed = f.session.rounds.filter((r) => r.status === 'open').map((r) => ({ id: r.id, title: r.title }));
    const announced = [...published().values()].filter((s) => !closed.has(s.id) && !listed.some((r) => r.id === s.id)).map((s) => ({ id: s.id, title: s.title }));
    return [...listed, ...announced];
  };
  announceChanges(f, rounds);
  return { rounds, published };
}

/** Says "Röstning öppnad: …" when a round appears and "Röstningen är stängd: …" when it closes. */
function announceChanges(f: Facilitation, rounds: Accessor<OpenRound[]>): void {
  let before = new Map<string, string>();
  createEffect(() => {
    const now = new Map(rounds().map((r) => [r.id, r.title]));
    for (const [id, title] of now) if (!before.has(id)) announce(roundText('voteOpened', title));
    for (const [id, title] of before) {
      const closed = f.session.rounds.find((r) => r.id === id && r.status === 'closed');
      if (!now.has(id) && closed) announce(roundText('voteClosed', closed.title || title));
    }
    before = now;
  });
}
