/**
 * The REST calls of versions, compare, changes since a visit and share links (DESIGN
 * "Versions, changes, the live draft", "Share links"; README "Contract notes").
 */
import type { CompareResult } from '../shared/compare/types.js';
import type { DocumentKind } from '../shared/model/kinds.js';
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
}
/** `changes?since=` also says where it counted from; `none`: never visited. */
export interface ChangesSince extends CompareResult {
  from: { kind: 'visit' | 'version' | 'empty' | 'none'; at: string | null };
}
export interface ShareLink {
  id: string;
  label: string;
  expiresAt: string;
  revoked: boolean;
  lastUsedAt: string | null;
}
/** What a guest's link opens (`GET /api/shared/:token`). */
export interface SharedInfo {
  document: { id: string; kind: DocumentKind; title: string };
  expiresAt: string;
}

const doc = (id: string) => `/documents/${encodeURIComponent(id)}`;

export const versionsApi = {
  versions: (id: string) => call<{ versions: Version[] }>('GET', `${doc(id)}/versions`),
  saveVersion: (id: string, name: string, decision: Decision | null) => call<Version>('POST', `${doc(id)}/versions`, decision ? { name, decision } : { name }),
  restore: (id: string, version: string) => call<{ restored: Version; before: Version }>('POST', `${doc(id)}/versions/${encodeURIComponent(version)}/restore`),
  /** `from`/`to`: a version id, `live`, or (from only) `adopted`. */
  compare: (id: string, from: string, to: string) => call<CompareResult>('GET', `${doc(id)}/compare?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`),
  changesSinceLastVisit: (id: string) => call<ChangesSince>('GET', `${doc(id)}/changes?since=last-visit`),
  markVisited: (id: string) => call<null>('POST', `${doc(id)}/visits`),
  shareLinks: (id: string) => call<{ links: ShareLink[] }>('GET', `${doc(id)}/share-links`),
  createShareLink: (id: string, label: string, expiresInDays: number) =>
    call<{ id: string; label: string; url: string; expiresAt: string }>('POST', `${doc(id)}/share-links`, { label, expiresInDays }),
  revokeShareLink: (id: string, link: string) => call<null>('DELETE', `${doc(id)}/share-links/${encodeURIComponent(link)}`),
  shared: (token: string) => call<SharedInfo>('GET', `/shared/${encodeURIComponent(token)}`),
};
