/** Any document as reactive data: its plain JSON, its issues, and what others just changed. */
import { createMemo, type Accessor } from 'solid-js';
import type * as Y from 'yjs';
import type { DocumentJSON } from '../../shared/model/document.js';
import type { Locale } from '../../shared/locale.js';
import { validate } from '../../shared/validate/index.js';
import type { Issue } from '../../shared/validate/issue.js';
import { createRemoteChanges, fieldKey } from './action-plan-view.js';
import { createDocView } from './y-solid.js';

export interface DocumentView<T extends DocumentJSON> {
  data: T;
  issues: Accessor<Issue[]>;
  issuesByField: Accessor<Map<string, Issue[]>>;
  recentlyChanged: Accessor<ReadonlySet<string>>;
}

export function createDocumentView<T extends DocumentJSON>(
  doc: Y.Doc,
  read: (doc: Y.Doc) => T,
  options: { roots: string[]; today: Accessor<string>; locale: Accessor<Locale>; isRemote: (origin: unknown) => boolean },
): DocumentView<T> {
  const data = createDocView(doc, read);
  const issues = createMemo(() => validate(data, { today: options.today(), locale: options.locale() }));
  return { data, issues, issuesByField: createMemo(() => groupByField(issues())), recentlyChanged: createRemoteChanges(doc, options.roots, options.isRemote) };
}

export function groupByField(issues: Issue[]): Map<string, Issue[]> {
  const map = new Map<string, Issue[]>();
  for (const issue of issues) map.set(fieldKey(issue.path), [...(map.get(fieldKey(issue.path)) ?? []), issue]);
  return map;
}
