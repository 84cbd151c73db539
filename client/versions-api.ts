/**
 * The REST calls of versions, compare, changes since a visit and share links (DESIGN
 * "Versions, changes, the live draft", "Share links"; README "Contract notes").
 */
import type { CompareResult } from '../shared/compare/types.js';
import type { DocumentJSON } from '../shared/model/document.js';
import type { DocumentKind } from '../shared/model/kinds.js';
import { modelShape, type ExportedDocument } from '../shared/model/export-shape.js';
import { call } from './api.js';

export interface Decision {
  body: string;
  /** `YYYY-MM-DD`. */
  date: string;
  /** e.g. "KS 2027-03-15 § 42". */
  reference: string;
}
/** A version; `createdBy` null for automatic ones; with a `decision` it is an adopted version. */
export interface Version {
  id: string;
  name: string;
  kind: 'named' | 'auto';
  createdAt: string;
  createdBy: { id: string; name: string } | null;
  decision: Decision | null;
  /** On a "Före återställning" version: the version that was restored over it. */
  restoreOf: { id: string; name: string } | null;
}
/** `changes?since=` also says where it counted from; `none`: never visited. */
export interface ChangesSince extends CompareResult {
  from: { kind: 'moment' | 'visit' | 'version' | 'empty' | 'none'; at: string | null };
  /** When the server read the live state: send it back with "Markera som läst". */
  to: { at: string };
}
export interface ShareLink {
  id: string;
  label: string;
  expiresAt: string;
  revoked: boolean;
  lastUsedAt: string | null;
}
/** What a guest's link opens (`GET /api/shared/:token`); `adopted`: the latest adopted version, without id or author. */
export interface SharedInfo {
  document: { id: string; kind: DocumentKind; title: string };
  expiresAt: string;
  adopted: { name: string; createdAt: string; decision: Decision } | null;
}

/**
 * Where the presentation view reads "adopted vs live draft" and "changed since your last
 * visit": a member's document routes (`memberSource`), or a guest's share link
 * (guest-source.ts), so both use the same components.
 */
export interface VersionsSource {
  /** `from`/`to`: a version id, `live`, or (from only) `adopted`; a guest only `adopted` → `live`. */
  compare(from: string, to: string): Promise<CompareResult>;
  /** The changes since the last visit; `from.kind` `none` when there is none. */
  changesSince(): Promise<ChangesSince>;
  /** Marks the list whose `to.at` is `at` as read; throws `ApiError` 409 `visit.stale` when the document changed after it. */
  markRead(at: string | undefined): Promise<void>;
  /** Where a version can be read on its own; null where it cannot (a guest). */
  versionHref(id: string): string | null;
}

/** A version as `GET …/versions/:v/export.json` gives it: the document's export shape as it was, with the version. */
export type VersionExport = DocumentJSON & { version: Version };

const doc = (id: string) => `/documents/${encodeURIComponent(id)}`;

export const versionsApi = {
  versions: (id: string) => call<{ versions: Version[] }>('GET', `${doc(id)}/versions`),
  saveVersion: (id: string, name: string, decision: Decision | null) => call<Version>('POST', `${doc(id)}/versions`, decision ? { name, decision } : { name }),
  restore: (id: string, version: string) => call<{ restored: Version; before: Version }>('POST', `${doc(id)}/versions/${encodeURIComponent(version)}/restore`),
  /** `from`/`to`: a version id, `live`, or (from only) `adopted`. */
  compare: (id: string, from: string, to: string) => call<CompareResult>('GET', `${doc(id)}/compare?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`),
  changesSinceLastVisit: (id: string) => call<ChangesSince>('GET', `${doc(id)}/changes?since=last-visit`),
  /** The changes since `since` (ISO 8601; the presentation view's "last minutes"). */
  changesSinceMoment: (id: string, since: string) => call<ChangesSince>('GET', `${doc(id)}/changes?since=${encodeURIComponent(since)}`),
  /** `at`: the `to.at` of the list being marked read; 409 `visit.stale` when the document changed after it. */
  markVisited: (id: string, at?: string) => call<null>('POST', `${doc(id)}/visits`, at ? { at } : undefined),
  versionExport: async (id: string, version: string): Promise<VersionExport> => {
    const exported = await call<ExportedDocument & { version: Version }>('GET', `${doc(id)}/versions/${encodeURIComponent(version)}/export.json`);
    return { ...modelShape(exported), version: exported.version };
  },
  shareLinks: (id: string) => call<{ links: ShareLink[] }>('GET', `${doc(id)}/share-links`),
  createShareLink: (id: string, label: string, expiresInDays: number) =>
    call<{ id: string; label: string; url: string; expiresAt: string }>('POST', `${doc(id)}/share-links`, { label, expiresInDays }),
  revokeShareLink: (id: string, link: string) => call<null>('DELETE', `${doc(id)}/share-links/${encodeURIComponent(link)}`),
  shared: (token: string) => call<SharedInfo>('GET', `/shared/${encodeURIComponent(token)}`),
  /** A guest's "adopted vs live draft" (404 `version.none-adopted` without one). */
  sharedCompare: (token: string) => call<CompareResult>('GET', `/shared/${encodeURIComponent(token)}/compare?from=adopted&to=live`),
  /** A guest's changes since `since` (ISO, a `to.at` the server gave); none: a first visit, only `to.at`. */
  sharedChanges: (token: string, since: string | null) => call<ChangesSince>('GET', `/shared/${encodeURIComponent(token)}/changes${since ? `?since=${encodeURIComponent(since)}` : ''}`),
};

/** A member's document routes: visits are kept on the server, per person. */
export function memberSource(documentId: string): VersionsSource {
  return {
    compare: (from, to) => versionsApi.compare(documentId, from, to),
    changesSince: () => versionsApi.changesSinceLastVisit(documentId),
    markRead: async (at) => void (await versionsApi.markVisited(documentId, at)),
    versionHref: (id) => `/d/${documentId}/versions/${id}`,
  };
}
