/** What every field of the plan editor needs: the document, who may edit, presence and issues. */
import { createContext, useContext, type Accessor } from 'solid-js';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import type { Issue } from '../../../shared/validate/issue.js';
import type { Peer } from '../../sync/presence.js';

export interface EditorContextValue {
  doc: Y.Doc;
  awareness: Awareness;
  undo: Y.UndoManager;
  editable: boolean;
  currency: Accessor<string>;
  peers: Accessor<Peer[]>;
  /** Read with `get(key)`: the plan's map tracks each field's issues apart (issue 17 item 14). */
  issuesByField: Accessor<ReadonlyMap<string, Issue[]>>;
  recentlyChanged: Accessor<ReadonlySet<string>>;
  /** Runs `then` once the document holds the server's state (status.ts `afterServerSync`); returns a cancel. */
  afterSync: (then: () => void) => () => void;
}

export const EditorContext = createContext<EditorContextValue>();

export function useEditor(): EditorContextValue {
  const value = useContext(EditorContext);
  if (!value) throw new Error('useEditor outside an EditorContext');
  return value;
}
