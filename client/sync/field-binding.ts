/**
 * One plain field (budget, dates, status, a cost's label …) as two people edit it at once
 * (issue 17 item 10), the way a spreadsheet user expects:
 *
 * - While the typist has a draft (typed, not yet committed), a remote change to the field
 *   does not replace the text: it is *held* with who made it, for the field to offer
 *   "Använd deras" / "Behåll mitt". Committing the draft then is an explicit choice.
 * - Without a draft, remote values show at once, as before.
 * - When a remote change replaces a value this browser wrote (two people committed the same
 *   field at once and the other one won, or the other one chose "keep mine"), it is
 *   *replaced*: the field tells its author instead of losing the value silently.
 *
 * Who made a change: the Yjs client id of the item now holding the key, mapped to a name
 * through the awareness state of that client (y-websocket's awareness uses the doc's client
 * id). A writer who has left, or never announced, is null ("Någon"). Names pass `safeName`.
 *
 * Fields are watched only from their first focus: a plan with thousands of fields pays for
 * the few somebody touches, and a value this browser wrote always follows a focus.
 */
import { batch, createSignal, onCleanup, type Accessor } from 'solid-js';
import * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { safeName } from './presence.js';
import type { ConflictStore, HeldConflict } from './held-conflicts.js';

/** A remote value and the name of who wrote it (null when unknown). */
export interface RemoteValue {
  value: unknown;
  by: string | null;
}

/** This browser's value `mine`, replaced by `theirs` from `by`. */
export interface ReplacedValue {
  mine: unknown;
  theirs: unknown;
  by: string | null;
}

export interface FieldGuard {
  /** A remote value held back from the input while its typist has a draft; null when none. */
  held: Accessor<RemoteValue | null>;
  /** The last remote change that replaced a value this browser wrote here; null when none. */
  replaced: Accessor<ReplacedValue | null>;
  /** Whether the typist has a draft: the input's text must not be replaced. */
  drafting: Accessor<boolean>;
  /** Starts watching the field (idempotent); called on focus. */
  watch(): void;
  /** The typist changed the text (`text`: what the field holds now, kept with a waiting value). */
  draft(text?: string): void;
  /**
   * The typist's text from before a reload whose conflict still waits (held-conflicts.ts);
   * null when none. Reactive: it may come once the server's state has.
   */
  restoredDraft: Accessor<string | null>;
  /** The draft was committed, dropped or left without a change: remote values show again. */
  settle(): void;
  /** The typist read the replaced notice (or came back to the field). */
  dismissReplaced(): void;
}

/** The map and key holding the plain field at `path`: `['meta', 'title']` or `['activities', id, 'budget']`. */
export function fieldSlot(doc: Y.Doc, path: readonly string[]): { map: Y.Map<unknown>; key: string } | null {
  const [root, second, third] = path;
  if (root === undefined || second === undefined) return null;
  if (path.length === 2) return { map: doc.getMap<unknown>(root), key: second };
  const item = path.length === 3 && third !== undefined ? doc.getMap<unknown>(root).get(second) : undefined;
  return item instanceof Y.Map && third !== undefined ? { map: item as Y.Map<unknown>, key: third } : null;
}

/** The name of the client that wrote `map[key]` now, from its awareness state; null when unknown. */
export function writerName(map: Y.Map<unknown>, key: string, awareness: Pick<Awareness, 'getStates'>): string | null {
  const client = map._map.get(key)?.id.client;
  if (client === undefined) return null;
  const user: unknown = awareness.getStates().get(client)?.user;
  if (typeof user !== 'object' || user === null || !('name' in user)) return null;
  const name = safeName(user.name);
  return name === '?' ? null : name;
}

/** A plain value a field can show; shared types (a `Y.Text`) are edited character-wise and never held. */
function isPlain(value: unknown): boolean {
  return !(value instanceof Y.AbstractType);
}

function sameValue(a: unknown, b: unknown): boolean {
  return Object.is(a, b) || JSON.stringify(a) === JSON.stringify(b);
}

const NOTHING = Symbol('nothing written here');

/** Where a field's undecided conflict is kept across a reload, under which key (held-conflicts.ts). */
export interface KeptConflict {
  store: ConflictStore;
  key: string;
  /**
   * Runs `then` once the page holds the server's state (at once when it already does) and
   * returns a cancel. Without it a kept conflict is decided on the copy at hand (tests).
   */
  afterSync?: (then: () => void) => () => void;
}

/**
 * The guard of the field at `path` of `doc`; its observer is removed with the owning Solid
 * root. Remote = a transaction not made in this browser (`transaction.local` false: the
 * websocket or the local copy), so this browser's undo counts as its own write. With `kept`,
 * a value waiting beside a draft is kept with the draft across a reload and held again then
 * if the field still holds it (issue 17 item 2).
 * @example const guard = createFieldGuard(doc, awareness, ['activities', id, 'budget']);
 */
export function createFieldGuard(doc: Y.Doc, awareness: Pick<Awareness, 'getStates'>, path: readonly string[], kept: KeptConflict | null = null): FieldGuard {
  const { held, setHeld, typed, restore, fromBefore, drop } = createHeld(kept);
  const [replaced, setReplaced] = createSignal<ReplacedValue | null>(null);
  const [drafting, setDrafting] = createSignal(false);
  const [restoredDraft, setRestoredDraft] = createSignal<string | null>(null);
  let mine: unknown = NOTHING;
  let stop: (() => void) | null = null;

  const onChange = (map: Y.Map<unknown>, key: string, event: Y.YMapEvent<unknown>, transaction: Y.Transaction) => {
    if (!event.keysChanged.has(key)) return;
    const value = map.get(key);
    if (!isPlain(value)) return;
    if (transaction.local) {
      // Writing again here answers what was held and supersedes an older "replaced".
      mine = value;
      drop();
      setReplaced(null);
      return;
    }
    // Concurrent writes that this browser's value won still report the key: no news then.
    if (sameValue(event.changes.keys.get(key)?.oldValue, value)) return;
    // A conflict kept from before a reload is about a value now gone: the field changed again.
    if (fromBefore()) {
      setDrafting(false);
      return drop();
    }
    const by = writerName(map, key, awareness);
    if (mine !== NOTHING && !sameValue(mine, value)) setReplaced({ mine, theirs: value, by });
    mine = NOTHING;
    if (drafting()) setHeld({ value, by });
  };

  const watch = () => (stop ??= observeField(doc, path, onChange));
  onCleanup(() => stop?.());
  const bringBack = (saved: HeldConflict) =>
    batch(() => {
      restore(saved);
      setRestoredDraft(saved.draft);
      setDrafting(true);
      watch();
    });
  let cancelKept = decideKept(doc, path, kept, bringBack);
  onCleanup(() => cancelKept());

  return {
    held,
    replaced,
    drafting,
    watch,
    draft: (text) => {
      // Typing before the server's state came decides a kept conflict still waiting for it:
      // the new text is the typist's answer, not the draft from before the reload.
      if (cancelKept() && !held()) kept?.store.remove(kept.key);
      cancelKept = () => false;
      setDrafting(true);
      typed(text);
    },
    restoredDraft,
    settle: () => {
      setDrafting(false);
      drop();
    },
    dismissReplaced: () => setReplaced(null),
  };
}

/** Calls `onChange` for each change of the map holding the field at `path`; returns the unobserve, or null when there is no such field. */
function observeField(doc: Y.Doc, path: readonly string[], onChange: (map: Y.Map<unknown>, key: string, event: Y.YMapEvent<unknown>, transaction: Y.Transaction) => void) {
  const slot = fieldSlot(doc, path);
  if (!slot) return null;
  const { map, key } = slot;
  const observer = (event: Y.YMapEvent<unknown>, transaction: Y.Transaction) => onChange(map, key, event, transaction);
  map.observe(observer);
  return () => map.unobserve(observer);
}

/**
 * The value held beside a draft and the typist's text, written through to `kept` while a
 * value waits and removed from it when none does (held-conflicts.ts, issue 17 item 2).
 */
function createHeld(kept: KeptConflict | null) {
  const [held, setHeldNow] = createSignal<RemoteValue | null>(null);
  let text: string | null = null;
  // Restored and untouched since: the typist has not typed again, the field has not changed.
  let restored = false;
  const keep = () => {
    const waiting = held();
    if (waiting && text !== null) kept?.store.write(kept.key, { draft: text, theirs: waiting.value, by: waiting.by });
    else kept?.store.remove(kept.key);
  };
  const setHeld = (value: RemoteValue | null) => {
    setHeldNow(value);
    keep();
  };
  return {
    held,
    setHeld,
    /** The typist typed (`now`: the field's text, when known). */
    typed: (now: string | undefined) => {
      restored = false;
      if (now === undefined) return;
      text = now;
      if (held()) keep();
    },
    restore: (saved: HeldConflict) => {
      restored = true;
      text = saved.draft;
      setHeldNow({ value: saved.theirs, by: saved.by });
    },
    fromBefore: () => restored,
    /** Decided, or gone: nothing waits, nothing is kept. */
    drop: () => {
      restored = false;
      text = null;
      setHeld(null);
    },
  };
}

/**
 * Brings back the conflict kept for this field if the field still holds the value that
 * waited: at once when the copy at hand holds it, else once the server's state has come (a
 * local copy written before the value arrived is older than it), and drops it when the
 * field holds something else. Returns a cancel that says whether it was still waiting.
 */
function decideKept(doc: Y.Doc, path: readonly string[], kept: KeptConflict | null, bringBack: (saved: HeldConflict) => void): () => boolean {
  const saved = kept?.store.read(kept.key) ?? null;
  if (!saved || !kept) return () => false;
  const holdsTheirs = () => {
    const slot = fieldSlot(doc, path);
    const current: unknown = slot?.map.get(slot.key);
    return slot !== null && isPlain(current) && sameValue(current ?? null, saved.theirs);
  };
  const decide = () => (holdsTheirs() ? bringBack(saved) : kept.store.remove(kept.key));
  if (holdsTheirs() || !kept.afterSync) {
    decide();
    return () => false;
  }
  let waiting = true;
  const cancel = kept.afterSync(() => {
    waiting = false;
    decide();
  });
  return () => {
    cancel();
    const was = waiting;
    waiting = false;
    return was;
  };
}
