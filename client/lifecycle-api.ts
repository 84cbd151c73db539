/**
 * The REST calls of the document lifecycle, the trash and the workspace audit log (DESIGN
 * "Audit and exports"; docs/lifecycle.md). Times are ISO 8601 UTC strings.
 */
import type { DocumentKind } from '../shared/model/kinds.js';
import { call, type DocumentSummary } from './api.js';

/** An archived document in `GET /api/workspaces/:ws` (`archived`, listed apart from `documents`). */
export interface ArchivedDocument extends DocumentSummary {
  archivedAt: string;
}
/** A deleted document in the trash; restorable until `purgeAt`. */
export interface TrashedDocument {
  id: string;
  kind: DocumentKind;
  title: string;
  deletedAt: string;
  deletedBy: { id: string; name: string } | null;
  purgeAt: string;
}
/** One audit entry; `actor` null for the server itself (the trash purge). */
export interface AuditEntry {
  at: string;
  actor: { id: string; name: string } | null;
  action: string;
  target: { type: string; id: string; label: string | null };
  details: Record<string, string | number | boolean | null>;
}

export const lifecycleApi = {
  rename: (doc: string, title: string) => call<DocumentSummary>('PATCH', `/documents/${doc}`, { title }),
  duplicate: (doc: string, title: string, amounts: boolean) => call<DocumentSummary>('POST', `/documents/${doc}/duplicate`, { title, amounts }),
  archive: (doc: string) => call<{ id: string; archived: boolean }>('POST', `/documents/${doc}/archive`),
  unarchive: (doc: string) => call<{ id: string; archived: boolean }>('POST', `/documents/${doc}/unarchive`),
  remove: (doc: string) => call<null>('DELETE', `/documents/${doc}`),
  undelete: (doc: string) => call<DocumentSummary>('POST', `/documents/${doc}/undelete`),
  trash: (ws: string) => call<{ documents: TrashedDocument[] }>('GET', `/workspaces/${ws}/trash`),
  audit: (ws: string, limit = 200) => call<{ entries: AuditEntry[] }>('GET', `/workspaces/${ws}/audit?limit=${limit}`),
};
