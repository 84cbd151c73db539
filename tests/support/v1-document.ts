/**
 * Documents as schema version 1 wrote them (before DESIGN "Facilitation"): no `session`
 * root, no `priority` on items, no `source`/`planActivity` links, `meta.schemaVersion: 1`.
 * Built by copying a current document's content into a fresh Y.Doc, leaving out what
 * version 2 added, so the bytes are what a version-1 server stored (no tombstones).
 */
import * as Y from 'yjs';
import { createDocument, type DocumentInit } from '../../shared/model/document.js';
import type { DocumentKind } from '../../shared/model/kinds.js';

/** Keys version 2 added to items; a version-1 writer never wrote them. */
const V2_ITEM_KEYS = new Set(['priority', 'source', 'planActivity']);

function copyMap(from: Y.Map<unknown>, to: Y.Map<unknown>): void {
  from.forEach((value, key) => {
    if (V2_ITEM_KEYS.has(key)) return;
    if (from.parent === null && key === 'schemaVersion') return to.set(key, 1);
    if (value instanceof Y.Text) to.set(key, new Y.Text(value.toString()));
    else if (value instanceof Y.Map) {
      const child = new Y.Map<unknown>();
      to.set(key, child);
      copyMap(value as Y.Map<unknown>, child);
    } else to.set(key, value);
  });
}

/** A version-1 copy of `current` (a document of this software's schema). */
export function asVersion1(current: Y.Doc): Y.Doc {
  const v1 = new Y.Doc();
  v1.transact(() => {
    for (const [name, type] of current.share) {
      if (name === 'session') continue;
      if (type instanceof Y.Text) {
        if (type.length > 0) v1.getText(name).insert(0, type.toString());
      } else copyMap(current.getMap<unknown>(name), v1.getMap<unknown>(name));
    }
  });
  return v1;
}

/** A version-1 document of `kind` with the given content, as one update (what a v1 server stored). */
export function version1Update<K extends DocumentKind>(kind: K, init: DocumentInit[K]): Uint8Array {
  return Y.encodeStateAsUpdate(asVersion1(createDocument(kind, init)));
}

/** Content of every kind with items in each votable collection and links. */
export const V1_CONTENT = {
  'action-plan': {
    title: 'Plan v1',
    goals: [
      { number: '1', title: 'Mål ett', description: 'Beskrivning', activities: [{ title: 'Aktivitet 1.1', budget: 10_000 }, { title: 'Aktivitet 1.2' }] },
      { number: '2', title: 'Mål två', description: '', activities: [{ title: 'Aktivitet 2.1', responsible: 'Eva' }] },
    ],
    costs: [{ section: 'Projektledning', label: 'Lön', description: '', amount: 5_000 }],
  },
  strategy: {
    title: 'Strategi v1',
    vision: 'Fossilfritt 2030',
    focusAreas: [{ title: 'Energi', goals: [{ number: '1', title: 'Minska', description: '', objectives: ['1'], links: [] }] }],
    goals: [{ number: '2', title: 'Utan område', description: '', objectives: [], links: [] }],
  },
  agenda: {
    title: 'Agenda v1',
    meetings: [
      {
        title: 'Träff 1', date: '2027-03-01', start: '09:00', end: '12:00', location: 'Växjö', link: '',
        items: [{ title: 'Inledning', minutes: 15, actions: [{ text: 'Skicka', owner: 'Anna', due: null, done: false }] }, { title: 'Budget', minutes: 30 }],
      },
    ],
  },
} satisfies { [K in DocumentKind]: DocumentInit[K] };
