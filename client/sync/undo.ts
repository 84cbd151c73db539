/**
 * The per-user undo manager: it undoes only this browser's own edits (LOCAL_ORIGIN), and
 * undo never deletes a value (issue 15 item 10).
 *
 * Why: Yjs undoes a map key by deleting the value it set and re-inserting the one it
 * replaced. When another editor set the same key concurrently, the re-insertion conflicts
 * with the remote value and is skipped, so the key ends up absent — a budget that was
 * 420 000, set to 300 000 here and 200 000 elsewhere, becomes empty everywhere on undo.
 * So each stack item remembers the values the keys it changed held before, and an undo or
 * redo that leaves such a key absent writes that earlier value back, in the same
 * transaction: everyone sees one change, and redo still works on it.
 */
import * as Y from 'yjs';
import { cleanInserts, forget } from './undo-characters.js';
import { fitTypes } from './undo-types.js';

/** The origin of every edit made in this browser: the undo manager tracks exactly these. */
export const LOCAL_ORIGIN = { local: true } as const;

/** Key in `StackItem.meta`: per map, the value each changed key held before the change. */
const EARLIER_VALUES = Symbol('earlier values');
type EarlierValues = Map<Y.Map<unknown>, Map<string, unknown>>;

interface StackItemEvent {
  stackItem: Y.UndoManager['undoStack'][number];
  /** Per changed type, the events of it and its descendants (Yjs's own shape, read-only here). */
  changedParentTypes: ReadonlyMap<unknown, readonly unknown[]>;
}

/** Plain values (numbers, strings, null, JSON) can be written again; a shared type cannot. */
function restorable(value: unknown): boolean {
  return value !== undefined && !(value instanceof Y.AbstractType) && !(value instanceof Y.Doc);
}

function isAlive(map: Y.Map<unknown>): boolean {
  return map._item === null || !map._item.deleted;
}

/** lib0's `emit`, untyped: the overload below forwards whatever Yjs emits. */
type Emit = (name: string, args: unknown[]) => void;

/**
 * Undo and redo as one transaction each, with the keys they emptied filled again. The
 * "popped" listeners (y-codemirror.next puts the caret back there) hear of the step after
 * that transaction, once every observer has shown its result: inside it, an editor still
 * holds the old text, and moving its caret into the undone text threw ("Selection points
 * outside of document"), which left the key to the browser's own undo as well (user test:
 * the undone title typed twice).
 */
class ValueKeepingUndoManager extends Y.UndoManager {
  private heldPops: unknown[][] | null = null;
  /** Items an undo or redo inserted with characters or value types the server refuses, replaced (undo-characters.ts, undo-types.ts). */
  private cleaned: Y.Item[] = [];
  /** Runs after Yjs's own handler (registered in super()), which keeps every deleted item. */
  private readonly forgetCleaned = (): void => {
    forget(this.cleaned);
    this.cleaned = [];
  };

  constructor(...args: ConstructorParameters<typeof Y.UndoManager>) {
    super(...args);
    this.doc.on('afterTransaction', this.forgetCleaned);
  }

  override destroy(): void {
    this.doc.off('afterTransaction', this.forgetCleaned);
    super.destroy();
  }

  override undo(): ReturnType<Y.UndoManager['undo']> {
    return this.popKeepingValues(() => super.undo(), 'undoing');
  }

  override redo(): ReturnType<Y.UndoManager['redo']> {
    return this.popKeepingValues(() => super.redo(), 'redoing');
  }

  override emit<NAME extends 'stack-item-added' | 'stack-item-popped' | 'stack-cleared' | 'stack-item-updated'>(name: NAME, args: Parameters<Parameters<Y.UndoManager['on']>[1]>): void;
  override emit(name: string, args: unknown[]): void {
    if (name === 'stack-item-popped' && this.heldPops) {
      refillEmptiedKeys(args[0] as Pick<StackItemEvent, 'stackItem'>);
      this.heldPops.push(args);
      return;
    }
    (super.emit as Emit).call(this, name, args);
  }

  private popKeepingValues<T>(pop: () => T, flag: 'undoing' | 'redoing'): T {
    const held: unknown[][] = [];
    this.heldPops = held;
    let result: T | undefined;
    try {
      this.doc.transact((transaction) => {
        try {
          result = pop();
          // What it re-inserted goes out without the characters and value types the server refuses (issue 17).
          this.cleaned = [...cleanInserts(transaction), ...fitTypes(transaction)];
        } finally {
          // `pop` cleared the flag, but the handler that files this transaction (an undo on
          // the redo stack) runs when this outer transaction ends, and must still see it.
          this[flag] = true;
        }
      }, this);
    } finally {
      this[flag] = false;
      this.heldPops = null;
    }
    for (const args of held) (super.emit as Emit).call(this, 'stack-item-popped', args);
    return result as T;
  }
}

/** Remembers, on the stack item, the earlier value of every key of a tracked map it changed. */
function recordEarlierValues(manager: Y.UndoManager, { stackItem, changedParentTypes }: StackItemEvent): void {
  const earlier: EarlierValues = stackItem.meta.get(EARLIER_VALUES) ?? new Map();
  stackItem.meta.set(EARLIER_VALUES, earlier);
  const events = new Set(manager.scope.flatMap((root) => (root instanceof Y.Doc ? [] : (changedParentTypes.get(root) ?? []))));
  for (const event of events) {
    if (!(event instanceof Y.YMapEvent)) continue;
    const map = event.target as Y.Map<unknown>;
    const keys = earlier.get(map) ?? new Map<string, unknown>();
    for (const [key, change] of event.keys) {
      // The first value recorded is the one before the whole (merged) stack item.
      if (change.action !== 'add' && !keys.has(key) && restorable(change.oldValue)) keys.set(key, change.oldValue);
    }
    if (keys.size > 0) earlier.set(map, keys);
  }
}

/** After an undo or redo (still inside its transaction): any remembered key now absent gets its earlier value. */
function refillEmptiedKeys({ stackItem }: Pick<StackItemEvent, 'stackItem'>): void {
  const earlier: EarlierValues | undefined = stackItem.meta.get(EARLIER_VALUES);
  earlier?.forEach((keys, map) => {
    if (!isAlive(map)) return;
    keys.forEach((value, key) => {
      if (!map.has(key)) map.set(key, value);
    });
  });
}

/**
 * An undo manager over the document's root maps that undoes one's own changes only, merging
 * edits made within 500 ms. Its undo and redo never leave a key absent that held
 * a value before the step being undone or redone.
 */
export function createUndoManager(doc: Y.Doc, rootNames: readonly string[]): Y.UndoManager {
  const scope = rootNames.map((name) => doc.getMap(name));
  const manager = new ValueKeepingUndoManager(scope, { trackedOrigins: new Set([LOCAL_ORIGIN]), captureTimeout: 500 });
  const record = (event: StackItemEvent) => recordEarlierValues(manager, event);
  manager.on('stack-item-added', record);
  manager.on('stack-item-updated', record);
  return manager;
}
