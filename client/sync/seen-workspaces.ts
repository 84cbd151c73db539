/**
 * The last list of a workspace's documents this browser saw, per person (issue 17 item 12):
 * offline, the workspace page shows it — marked with when it was fetched — so a person gets
 * from "Arbetsytor" to the documents kept in this browser (local-copies.ts), as online; and
 * a strategy takes its plans to link and its country from it (issue 17 item 3).
 * Kept in localStorage (an offline start is a new page), under `samplan:seen:["<userId>",
 * "<workspaceId>"]`, and deleted when the person's session ends, like their local copies.
 * What is read back is an input like any other: validated, and dropped when odd.
 */
import type { DocumentSummary, Workspace } from '../api.js';
import { COUNTRIES, type Country } from '../../shared/country.js';
import { DOCUMENT_KINDS } from '../../shared/model/kinds.js';
import { ROLES } from '../../shared/roles.js';
import { z } from '../lib/zod.js';

/** A workspace as last seen: what the offline page shows. `seenAt` is ISO 8601 UTC. */
export interface SeenWorkspace {
  id: string;
  name: string;
  /** For the strategy offline (objectives, currency); absent in lists kept before it was. */
  country?: Country;
  role: Workspace['role'];
  documents: DocumentSummary[];
  seenAt: string;
}

/** More documents than any workspace page lists; titles as long as the server takes (200). */
const MAX_DOCUMENTS = 5_000;
const Saved = z.object({
  id: z.string().min(1).max(200),
  name: z.string().max(200),
  country: z.enum(COUNTRIES).optional(),
  role: z.enum(ROLES),
  documents: z.array(z.object({ id: z.string().min(1).max(200), kind: z.enum(DOCUMENT_KINDS), title: z.string().max(200) })).max(MAX_DOCUMENTS),
  seenAt: z.iso.datetime(),
});

const PREFIX = 'samplan:seen:';

/** The key of `userId`'s last seen list of `workspaceId`. */
export function seenKey(userId: string, workspaceId: string): string {
  return `${PREFIX}${JSON.stringify([userId, workspaceId])}`;
}

/** The part of `Storage` used: localStorage in the browser, a map in tests. */
export type SeenStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'length' | 'key'>;

function browserStorage(): SeenStorage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    // A locked-down browser throws on the very access: nothing is kept there.
    return undefined;
  }
}

/**
 * Keeps `workspace`'s documents (id, kind, title) and country as seen by `userId` at `now`. Swallows the
 * storage's errors (full, disabled): the list is a help offline, never a failure online.
 */
export function rememberWorkspace(userId: string, workspace: Workspace, now = new Date(), storage = browserStorage()): void {
  const seen = Saved.safeParse({
    id: workspace.id,
    name: workspace.name,
    // One the app does not know is left out: the list is still worth keeping.
    country: COUNTRIES.find((known) => known === workspace.country),
    role: workspace.role,
    documents: workspace.documents.map(({ id, kind, title }) => ({ id, kind, title })),
    seenAt: now.toISOString(),
  });
  try {
    if (seen.success) storage?.setItem(seenKey(userId, workspace.id), JSON.stringify(seen.data));
  } catch {
    // Not kept: offline, the page says the server could not be reached, as before.
  }
}

/** `userId`'s last seen list of `workspaceId`, or null when none is kept (or it is not well-formed). */
export function seenWorkspace(userId: string, workspaceId: string, storage = browserStorage()): SeenWorkspace | null {
  try {
    const text = storage?.getItem(seenKey(userId, workspaceId)) ?? null;
    const parsed = text === null ? null : Saved.safeParse(JSON.parse(text));
    return parsed?.success && parsed.data.id === workspaceId ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Deletes every list `userId` saw: at the end of their session in this browser, like their
 * local copies (local-copies.ts clearLocalCopies). Other people's lists stay. Never throws.
 */
export function forgetSeenWorkspaces(userId: string, storage = browserStorage()): void {
  const prefix = `${PREFIX}${JSON.stringify([userId]).slice(0, -1)},`;
  try {
    if (!storage) return;
    const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter((key): key is string => key?.startsWith(prefix) ?? false);
    for (const key of keys) storage.removeItem(key);
  } catch {
    // A storage that cannot be read holds nothing this could delete.
  }
}
