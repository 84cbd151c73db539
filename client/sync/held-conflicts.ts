/**
 * An undecided same-field conflict kept across a reload (issue 17 item 2): when a remote
 * value waits beside a field ("Använd deras" / "Behåll mitt") and the typist reloads before
 * choosing, their typed value was lost silently. The field's guard (field-binding.ts) keeps
 * the draft and the waiting value here, per person, document and field, and shows them again
 * after the reload — unless the field has changed since. Deciding, committing, Escape, or a
 * write of one's own drop it.
 *
 * sessionStorage: it outlives a reload of the tab, not the tab (a conflict is about a moment
 * of editing; a closed tab is a decision too), and it is read synchronously when the field
 * is built. What is read back is an input like any other: validated, and dropped when odd.
 */
import { z } from '../lib/zod.js';

/** What waits: the typist's text, the remote value and who wrote it. */
export interface HeldConflict {
  draft: string;
  theirs: unknown;
  by: string | null;
}

export interface ConflictStore {
  read(key: string): HeldConflict | null;
  write(key: string, conflict: HeldConflict): void;
  remove(key: string): void;
}

/** A field's text is a line of input: bounded like the longest text a field takes (20 000). */
const Saved = z.object({
  draft: z.string().max(20_000),
  theirs: z.union([z.string().max(20_000), z.number(), z.boolean(), z.null()]),
  by: z.string().max(200).nullable(),
});

const PREFIX = 'samplan:held:';

/** The key of `userId`'s conflict in the field at `path` of `documentId`. */
export function conflictKey(userId: string, documentId: string, path: readonly string[]): string {
  return `${PREFIX}${JSON.stringify([userId, documentId, ...path])}`;
}

/** The part of `Storage` used: sessionStorage in the browser, a map in tests. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * A store over `storage`; every call swallows the storage's errors (full, disabled, a
 * private window): keeping a conflict across a reload is a help, never a failure of the edit.
 */
export function conflictStore(storage: KeyValueStorage): ConflictStore {
  return {
    read: (key) => {
      try {
        const text = storage.getItem(key);
        const parsed = text === null ? null : Saved.safeParse(JSON.parse(text));
        return parsed?.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
    write: (key, conflict) => {
      const saved = Saved.safeParse(conflict);
      try {
        if (saved.success) storage.setItem(key, JSON.stringify(saved.data));
        else storage.removeItem(key);
      } catch {
        // Not kept: the conflict still shows in this page.
      }
    },
    remove: (key) => {
      try {
        storage.removeItem(key);
      } catch {
        // Nothing to do: a stale entry is dropped when read against a changed field.
      }
    },
  };
}

/** The tab's store, or null where there is no sessionStorage (tests, a locked-down browser). */
export function sessionConflictStore(): ConflictStore | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : conflictStore(sessionStorage);
  } catch {
    return null;
  }
}

/**
 * Where the field at `path` keeps its conflict for the person of `awareness` (their id,
 * announced by presence.ts) in `documentId`; null without a store, a document or a person.
 */
export function keptConflict(store: ConflictStore | null, awareness: { getLocalState(): Record<string, unknown> | null }, documentId: string | undefined, path: readonly string[]) {
  const user: unknown = awareness.getLocalState()?.user;
  const userId = typeof user === 'object' && user !== null && 'id' in user && typeof user.id === 'string' ? user.id : null;
  return store && documentId && userId ? { store, key: conflictKey(userId, documentId, path) } : null;
}

/**
 * Deletes `userId`'s kept conflicts (their typed drafts) from `storage`: at the end of their
 * session in this browser, like their local copies (local-copies.ts). Never throws.
 */
export function forgetHeldConflicts(userId: string, storage: (KeyValueStorage & Pick<Storage, 'length' | 'key'>) | undefined = globalThis.sessionStorage): void {
  const prefix = `${PREFIX}${JSON.stringify([userId]).slice(0, -1)},`;
  try {
    if (!storage) return;
    const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter((key): key is string => key?.startsWith(prefix) ?? false);
    for (const key of keys) storage.removeItem(key);
  } catch {
    // A storage that cannot be read holds nothing this could delete.
  }
}
